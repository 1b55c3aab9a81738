"""`sprida import` on a folder: a line per file, past bad files, regular files only (finding 4)."""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from sprida.cli import main
from sprida.intake.models import Document

from . import bad_inputs

MEMO = "Tjänsteskrivelse\n\nRegion Örebro län ansöker om 2 000 000 kronor.\n".encode()


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging forever (e.g. on a named pipe nobody writes to)."""

    def expire(*_: Any) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_import(*args: str) -> tuple[str, str, CommandError | None]:
    out, err = io.StringIO(), io.StringIO()
    failure = None
    with deadline(60):
        try:
            call_command("import", *args, stdout=out, stderr=err)
        except CommandError as error:
            failure = error
    return out.getvalue(), err.getvalue(), failure


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (outside / "hemlig.txt").write_text("root:x:0:0:hemlig rad utanför mappen\n")
    root = tmp_path / "inkorg"
    (root / "under").mkdir(parents=True)
    (root / "a-ett.txt").write_bytes(MEMO)
    (root / "b-trasig.docx").write_bytes(bad_inputs.docx_broken_xml())
    (root / "c-lank.txt").symlink_to(outside / "hemlig.txt")
    (root / "d-lankad-mapp").symlink_to(outside, target_is_directory=True)
    os.mkfifo(root / "e-ror.pdf")
    (root / "f-tva.md").write_bytes(MEMO.replace(b"2 000 000", b"4 000 000"))
    (root / "under" / "g-tre.txt").write_bytes(MEMO.replace(b"2 000 000", b"6 000 000"))
    (root / "h-bild.png").write_bytes(b"\x89PNG")  # not a document type: not looked at
    return root


def test_a_folder_is_imported_file_by_file(folder: Path, orgs: Any) -> None:
    out, err, failure = run_import(str(folder))
    assert failure is not None and "4 fil(er)" in str(failure)
    assert f"{folder / 'a-ett.txt'}: " in out and f"{folder / 'f-tva.md'}: " in out
    assert f"{folder / 'under' / 'g-tre.txt'}: " in out
    assert f"{folder / 'b-trasig.docx'}: inte mottagen – Word-filen innehåller felaktig XML" in err
    assert f"{folder / 'c-lank.txt'}: hoppades över – symbolisk länk" in err
    assert f"{folder / 'd-lankad-mapp'}: hoppades över – symbolisk länk" in err
    assert f"{folder / 'e-ror.pdf'}: hoppades över – en namngiven pipe" in err
    assert "h-bild.png" not in out + err
    assert "7 filer: 3 mottagna, 0 fanns redan, 4 misslyckades." in out
    names = sorted(Document.objects.values_list("original_name", flat=True))
    assert names == ["a-ett.txt", "f-tva.md", "g-tre.txt"]
    assert not Document.objects.filter(text__contains="root:x").exists()


def test_a_second_run_finds_the_same_files(folder: Path, orgs: Any) -> None:
    good = [str(folder / "a-ett.txt"), str(folder / "f-tva.md")]
    assert run_import(*good)[2] is None
    out, _err, failure = run_import(*good)
    assert failure is None
    assert out.count("fanns redan") == 3  # two lines and the summary
    assert Document.objects.count() == 2


def test_a_device_or_pipe_named_on_the_command_line_never_hangs(folder: Path, orgs: Any) -> None:
    _out, err, failure = run_import("/dev/null", str(folder / "e-ror.pdf"))
    assert failure is not None
    assert "/dev/null: hoppades över – en enhetsfil" in err
    assert "e-ror.pdf: hoppades över – en namngiven pipe" in err
    assert not Document.objects.exists()


def test_the_exit_status_says_whether_every_file_was_imported(
    folder: Path, orgs: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    with deadline(60), pytest.raises(SystemExit) as exited:
        main(["import", str(folder / "a-ett.txt"), str(folder / "b-trasig.docx")])
    assert exited.value.code == 1
    assert "kunde inte importeras" in capsys.readouterr().err


def test_a_name_cannot_write_to_the_terminal(tmp_path: Path, orgs: Any) -> None:
    path = tmp_path / "beslut\x1b[2J\x07.txt"
    path.write_bytes(MEMO)
    out, _err, failure = run_import(str(path))
    assert failure is None
    assert "\x1b" not in out and "beslut\\x1b[2J\\x07.txt" in out
    assert Document.objects.get().original_name == "beslut[2J.txt"


def test_extract_skips_what_import_skips(folder: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    with deadline(60), pytest.raises(CommandError):
        call_command("extract", str(folder), stdout=out, stderr=err)
    assert out.getvalue().count('"schema"') == 3
