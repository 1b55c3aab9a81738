"""Views for the shared dossiers (dossiers.py), adoption (adoption.py) and groups (groups.py)."""
