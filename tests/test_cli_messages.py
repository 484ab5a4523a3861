"""What a user typing a wrong ``sopxl`` command reads: Indonesian, one line, no traceback.

argparse words its own errors in English ("the following arguments are required", "invalid
choice"); sopxl must say them in Indonesian, and in English only behind ``--lang en``.
"""
from __future__ import annotations

import io

import pytest

from sopxl.cli import _COMMANDS, run

ENGLISH = ("required", "invalid", "expected", "unrecognized", "choose from", "argument ", "usage:",
           "show this help", "options:", "positional")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("argv", "says"), [
    (["validate"], "argumen wajib belum diisi: BERKAS"),
    (["validat", "x.xlsx"], "pilihan tidak dikenal: 'validat'"),
    (["buku", "folder"], "argumen wajib belum diisi: --out"),
    (["template", "--out", "x.xlsx", "--sops", "abc"], "argumen --sops: bukan bilangan bulat: 'abc'"),
    (["validate", "--lang", "fr", "x.xlsx"], "pilihan tidak dikenal: 'fr'"),
    (["validate", "--zzz", "x.xlsx"], "argumen tidak dikenal: --zzz"),
    (["validate", "x.xlsx", "--output"], "argumen --output: perlu satu nilai"),
    (["excel", "bla"], "pilihan tidak dikenal: 'bla'"),
])
def test_a_wrong_command_is_told_in_indonesian(argv, says):
    # Regression: the Indonesian frame held argparse's English text ("Perintah tidak lengkap atau
    # salah: the following arguments are required: BERKAS").
    code, out, err = cli(*argv)
    assert code == 2 and out == ""
    assert err.startswith("sopxl: Perintah tidak lengkap atau salah: ") and says in err, err
    assert not any(word in err for word in ENGLISH), err
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_wrong_command_in_english_keeps_english():
    code, _, err = cli("validate", "--lang", "en")
    assert code == 2 and "Bad command: the following arguments are required: BERKAS" in err


@pytest.mark.parametrize("command", [None, *_COMMANDS])
def test_every_help_is_indonesian(command, capsys):
    argv = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit) as done:
        run(argv, io.StringIO(), io.StringIO())
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("Pemakaian: sopxl") and "pilihan:" in text
    assert not any(word in text for word in ("usage:", "show this help", "options:", "positional arguments"))
