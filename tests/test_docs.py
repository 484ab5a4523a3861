"""The README is the one place codes are documented, and CI runs what it says."""
from __future__ import annotations

import re
from pathlib import Path

from sopxl.findings import catalogue

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_finding_code_is_in_the_readme_table_and_no_stale_one():
    documented = set(re.findall(r"^\| `([a-z][a-z0-9-]+)` \|", README, flags=re.M))
    assert documented == set(catalogue())


# Codes whose rule passes each language its own words (a symbol's name in Indonesian and in
# English), so the two templates name different fields on purpose.
OWN_WORDS_PER_LANGUAGE = {"gambar-beda-simbol"}


def test_every_code_has_indonesian_and_english_text_with_the_same_fields():
    for code, spec in catalogue().items():
        assert spec["severity"] in ("error", "warning", "info"), code
        for lang in ("id", "en"):
            assert spec[lang]["message"] and "hint" in spec[lang], (code, lang)
        if code in OWN_WORDS_PER_LANGUAGE:
            continue
        fields = set(re.findall(r"{(\w+)}", spec["id"]["message"]))
        assert fields == set(re.findall(r"{(\w+)}", spec["en"]["message"])), code


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", README, flags=re.S)
    test_command = next(b for b in blocks if "pytest" in b).strip()
    assert test_command in ci


def test_the_wheel_carries_the_schemas_inside_the_package(tmp_path):
    """schemas/ is the single source; an installed sopxl must still find it."""
    import subprocess
    import sys
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("sopxl-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        for schema in ("sop.schema.json", "config.schema.json"):
            assert z.read(f"sopxl/schemas/{schema}") == (ROOT / "schemas" / schema).read_bytes()
    assert not (ROOT / "sopxl" / "schemas").exists()  # no second copy in the tree
