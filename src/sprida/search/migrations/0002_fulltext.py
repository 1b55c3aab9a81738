"""The full-text side of the index, per database: an FTS5 table on SQLite, a GIN index on
PostgreSQL over the same 'swedish' expression the search backend queries."""

from django.db import migrations

FTS_TABLE = "search_entry_fts"
PG_INDEX = "search_entry_swedish_fts"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "title, body, tokenize='unicode61 remove_diacritics 0')"
        )
    elif connection.vendor == "postgresql":
        from django.db.models.sql import Query

        from sprida.search.backends import PostgresBackend

        SearchEntry = apps.get_model("search", "SearchEntry")
        # Compile the backend's own expression, so the index matches the query exactly.
        query = Query(SearchEntry)
        expression = PostgresBackend.vector().resolve_expression(query)
        compiler = query.get_compiler(connection=connection)
        sql, params = expression.as_sql(compiler, connection)
        with connection.cursor() as cursor:
            inline = cursor.mogrify(sql, params)
        if isinstance(inline, bytes):
            inline = inline.decode()
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON search_searchentry USING GIN (({inline}))"
        )


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
