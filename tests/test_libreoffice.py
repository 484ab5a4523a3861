"""The Validasi SOP macro in a real LibreOffice, driven over UNO like a person's Calc would be.

One headless soffice runs with a throwaway profile holding the macro in its
``user/Scripts/python`` folder. A driver script, run by the Python that has LibreOffice's
``uno`` (``/usr/bin/python3`` on Debian), opens an SOP workbook hidden, invokes the macro
through the script provider with the document as its argument (a hidden document is no
"current" one), and stores the result as .xlsx, which openpyxl then reads. The extension
itself is installed with unopkg into a second throwaway profile and run by its menu URL.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from report_builders import build_workbook, seed_sops

from sopxl import cli
from sopxl.config import load_config
from sopxl.libreoffice import EXTENSION_ID, MACRO_FILE, SETTINGS_FILE
from sopxl.libreoffice.officeenv import office_environ
from sopxl.libreoffice.oxt import addons_xcu, build_oxt, install_macro, script_url, settings, user_script_url
from sopxl.report.build import build_reports
from sopxl.validate import validate_file

SOFFICE = shutil.which("soffice")
START_TIMEOUT = 90  # seconds for soffice to accept connections
RUN_TIMEOUT = 180  # seconds for one driver run (open, macro, store)


def _uno_python() -> str | None:
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0:
            return candidate
    return None


def _has_python_provider() -> bool:
    program = Path(os.path.realpath(SOFFICE)).parent if SOFFICE else None
    return bool(program and (program / "pythonscript.py").is_file())


UNO_PYTHON = _uno_python() if SOFFICE else None
needs_soffice = pytest.mark.skipif(
    SOFFICE is None or UNO_PYTHON is None or not _has_python_provider(),
    reason="LibreOffice with Python macros is not installed (Debian: libreoffice-calc-nogui, "
           "python3-uno, libreoffice-script-provider-python)")

DRIVER = r'''
import json, os, sys, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

port, source, target, url = sys.argv[1:5]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
deadline = time.time() + float(sys.argv[5])
while True:
    try:
        ctx = resolver.resolve("uno:%s;urp;StarOffice.ComponentContext" % port)
        break
    except Exception:
        if time.time() > deadline:
            raise
        time.sleep(0.25)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
load = (prop("Hidden", True), prop("ReadOnly", sys.argv[6:] == ["readonly"]))
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, load)
try:
    factory = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.script.provider.MasterScriptProviderFactory", ctx)
    script = factory.createScriptProvider("").getScript(url)
    message = script.invoke((doc,), (), ())[0]
    info = {"message": message, "active": doc.getCurrentController().getActiveSheet().Name,
            "sheets": list(doc.getSheets().getElementNames()), "modified": doc.isModified()}
    doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "Calc MS Excel 2007 XML"),))
finally:
    doc.close(True)
print(json.dumps(info))
# pyuno may crash while the bridge is torn down at interpreter exit (seen: SIGSEGV after the
# work was done and printed); leave without that teardown.
sys.stdout.flush()
os._exit(0)
'''


class Office:
    """A headless soffice with its own profile; ``run`` presses the button on a workbook."""

    def __init__(self, folder: Path, url: str, user: list[str] | None = None):
        self.folder, self.url, self.user = folder, url, user or []
        self.profile = folder / "profile"
        # A named pipe, not a TCP port: a port found free and then handed to soffice can be
        # taken by another program meanwhile, and the bridge then talks to a stranger. A soffice
        # run as another user (unopkg refuses root) cannot share a pipe with us: a socket then.
        if self.user:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                self.port = f"socket,host=127.0.0.1,port={s.getsockname()[1]}"
        else:
            self.port = f"pipe,name=sopxl_test_{uuid.uuid4().hex}"
        self.driver = folder / "driver.py"
        self.driver.write_text(DRIVER, encoding="utf-8")
        self.proc: subprocess.Popen | None = None

    def start(self, environ: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [*self.user, SOFFICE, "--headless", "--invisible", "--norestore", "--nologo",
             "--nodefault", "--nolockcheck", f"-env:UserInstallation={self.profile.as_uri()}",
             f"--accept={self.port};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
            env=office_environ(environ))

    def run(self, source: Path, target: Path, *options: str) -> dict:
        done = subprocess.run([UNO_PYTHON, str(self.driver), str(self.port), str(source), str(target),
                               self.url, str(START_TIMEOUT), *options],
                              capture_output=True, text=True, timeout=RUN_TIMEOUT)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout.strip().splitlines()[-1])

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, 9)  # soffice.bin runs under the soffice script
            except OSError:
                self.proc.kill()
            self.proc.wait(timeout=30)


def _writable(path: Path) -> Path:
    path.chmod(path.stat().st_mode | stat.S_IWGRP | stat.S_IWOTH | stat.S_IRGRP | stat.S_IROTH)
    return path


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lo")
    office = Office(folder, user_script_url())
    install_macro(office.profile, config=settings())
    office.start()
    try:
        yield office
    finally:
        office.stop()


def set_mode(office: Office, mode: str, python: str | None = None) -> None:
    path = office.profile / "user" / "Scripts" / "python" / SETTINGS_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["mode"] = mode
    data["python"] = python or sys.executable
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def sop_file(tmp_path: Path) -> Path:
    path = tmp_path / "SOP Bagian Organisasi.xlsx"
    build_workbook(path)
    return _writable(path)


def _cells(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def assert_reports_written(stored: Path, source: Path) -> None:
    """Status and Checklist as the file path builds them, cell for cell (bar the check's time)."""
    from openpyxl import load_workbook

    wb = load_workbook(stored)
    assert wb.sheetnames == ["Daftar Isi", "SOP 01", "SOP 02", "Status", "Checklist"]
    specs = build_reports(validate_file(str(source), load_config()), load_config())
    for spec in specs:
        ws = wb[spec.name]
        for r in range(len(spec.rows)):
            if spec.cell(r, 0).value == "Waktu pemeriksaan":
                continue
            for c in range(len(spec.rows[r])):
                want = spec.cell(r, c).value
                got = ws.cell(r + 1, c + 1).value
                assert got == want or (want in (None, "") and got in (None, "")), (spec.name, r, c)
        assert {str(m) for m in ws.merged_cells.ranges} == set(spec.merges)
        # The Checklist's key column is kept for matching answers but hidden, so not printed.
        hidden = {c for c in range(12) if ws.column_dimensions[chr(65 + c)].hidden}
        assert hidden == set(spec.hidden_cols), (spec.name, hidden)
    assert specs[1].hidden_cols == [10]
    status = _cells(wb["Status"])
    assert status[1][:2] == ["Hasil", "LULUS"]
    header = next(i for i, row in enumerate(status) if row[:2] == ["Lembar", "Langkah"])
    counts = {row[0]: row[1] for row in status[header + 1:header + 3]}
    assert counts == {s["sheet"]: sum(len(b["langkah"]) for b in s["bagian"]) for s in seed_sops()}
    assert wb["Status"].cell(header + 2, 1).hyperlink.location == "'SOP 01'!A1"
    lists = {str(ref): v.formula1 for v in wb["Checklist"].data_validations.dataValidation
             for ref in v.sqref.ranges}  # Calc joins equal dropdowns into one rule
    assert lists == {v.ref: '"' + ",".join(v.options) + '"' for v in specs[1].validations}


# ---------------------------------------------------------------------------- in a real soffice

@needs_soffice
def test_macro_in_libreoffice_own_python(office: Office, sop_file: Path, tmp_path: Path) -> None:
    set_mode(office, "inprocess")
    info = office.run(sop_file, tmp_path / "hasil.xlsx")
    assert info["message"].startswith("2 lembar SOP diperiksa: 0 galat, ")
    assert info["active"] == "Status" and info["modified"]
    assert_reports_written(tmp_path / "hasil.xlsx", sop_file)


@needs_soffice
def test_macro_through_sopxl_python_as_a_subprocess(office: Office, sop_file: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    wrapper = tmp_path / "python-sopxl"
    wrapper.write_text(f'#!/bin/sh\ntouch "{marker}"\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    set_mode(office, "subprocess", str(wrapper))
    info = office.run(sop_file, tmp_path / "hasil.xlsx")
    assert marker.exists(), "the core did not run in sopxl's Python"
    assert info["message"].startswith("2 lembar SOP diperiksa")
    assert_reports_written(tmp_path / "hasil.xlsx", sop_file)


@needs_soffice
def test_pressing_again_keeps_the_answers(office: Office, sop_file: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    set_mode(office, "auto")
    first = tmp_path / "pertama.xlsx"
    office.run(sop_file, first)
    wb = load_workbook(first)
    ws = wb["Checklist"]
    ws["G8"], ws["H8"] = "Berjalan dengan baik", "Agenda belum lengkap"  # a person's answers
    wb.save(first)
    _writable(first)

    second = tmp_path / "kedua.xlsx"
    info = office.run(first, second)
    assert info["sheets"] == ["Daftar Isi", "SOP 01", "SOP 02", "Status", "Checklist"]
    again = load_workbook(second)["Checklist"]
    assert (again["G8"].value, again["H8"].value) == ("Berjalan dengan baik", "Agenda belum lengkap")
    assert again["B8"].value.startswith("Menetapkan Program Kegiatan")


@needs_soffice
def test_a_read_only_document_is_told_not_written(office: Office, sop_file: Path, tmp_path: Path) -> None:
    info = office.run(sop_file, tmp_path / "hasil.xlsx", "readonly")
    assert info["message"].startswith("Dokumen ini terbuka hanya-baca")
    assert "Status" not in info["sheets"]


def _venv(folder: Path) -> dict[str, str]:
    """This process's environment as a terminal with a (real) virtual environment active."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=120)
    return {**os.environ, "VIRTUAL_ENV": str(folder),
            "PATH": str(folder / "bin") + os.pathsep + os.environ.get("PATH", "")}


@needs_soffice
def test_macro_runs_in_a_libreoffice_started_from_a_terminal_with_a_venv_active(
        sop_file: Path, tmp_path: Path) -> None:
    # Started as is, such a LibreOffice cannot create its Python script provider at all.
    (tmp_path / "office").mkdir()
    office = Office(tmp_path / "office", user_script_url())
    install_macro(office.profile, config=settings())
    office.start(_venv(tmp_path / "venv"))
    try:
        info = office.run(sop_file, tmp_path / "hasil.xlsx")
    finally:
        office.stop()
    assert info["message"].startswith("2 lembar SOP diperiksa")
    assert_reports_written(tmp_path / "hasil.xlsx", sop_file)


def test_office_environ_leaves_out_python_environments(tmp_path: Path) -> None:
    venv, conda = tmp_path / "venv", tmp_path / "conda"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (conda / "conda-meta").mkdir(parents=True)
    (conda / "bin").mkdir()
    path = os.pathsep.join([str(venv / "bin"), "/usr/local/bin", str(conda / "bin"), "/usr/bin"])
    env = office_environ({"PATH": path, "VIRTUAL_ENV": str(venv), "PYTHONPATH": "/x", "HOME": "/home/a"})
    assert env == {"PATH": os.pathsep.join(["/usr/local/bin", "/usr/bin"]), "HOME": "/home/a"}


# ---------------------------------------------------------------------------- the extension

def _as_nobody() -> list[str] | None:
    """unopkg refuses root without --shared: as root, run LibreOffice as nobody instead."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


def _readable_by(user: list[str], paths: list[Path]) -> bool:
    probe = "import os, sys; sys.exit(0 if all(os.access(p, os.R_OK) for p in sys.argv[1:]) else 1)"
    return subprocess.run([*user, UNO_PYTHON, "-c", probe, *map(str, paths)],
                          capture_output=True, timeout=60).returncode == 0


@needs_soffice
def test_extension_installs_with_unopkg_and_runs_by_its_menu_url(request, sop_file: Path) -> None:
    user = _as_nobody()
    if user is None:
        pytest.skip("running as root without setpriv: unopkg refuses root without --shared")
    data = settings()
    if user and data["python_version"] != subprocess.run(
            [UNO_PYTHON, "-c", "import sys; print('{}.{}'.format(*sys.version_info[:2]))"],
            capture_output=True, text=True).stdout.strip():
        pytest.skip("as nobody the macro must run sopxl in LibreOffice's Python: versions differ")
    if user and not _readable_by(user, [Path(data["sopxl_root"]) / "sopxl" / "libreoffice" / "unodoc.py",
                                        *[Path(p) for p in data["site_packages"]]]):
        pytest.skip("nobody cannot read sopxl's files here (a checkout under a private folder)")
    # Outside pytest's own temporary folder, which only its owner may enter.
    folder = Path(tempfile.mkdtemp(prefix="sopxl-oxt-test-"))
    folder.chmod(0o777)
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    office = Office(folder, script_url("sopxl.oxt"), user)
    oxt = _writable(build_oxt(folder / "sopxl.oxt", config=data))
    env = {**office_environ(), "HOME": str(folder)}
    if user:
        done = subprocess.run([*user, shutil.which("unopkg"), "add",
                               f"-env:UserInstallation={office.profile.as_uri()}", str(oxt)],
                              capture_output=True, text=True, timeout=RUN_TIMEOUT, env=env)
        assert done.returncode == 0, done.stderr
    else:
        out, err = io.StringIO(), io.StringIO()
        assert cli.run(["libreoffice", "install", "--user-profile", str(office.profile)], out, err) == 0, \
            err.getvalue()
    source = _writable(Path(shutil.copy(sop_file, folder / "sop.xlsx")))
    target = folder / "hasil.xlsx"
    office.start()
    try:
        info = office.run(source, target)
    finally:
        office.stop()
    assert info["message"].startswith("2 lembar SOP diperiksa"), info["message"]
    assert info["active"] == "Status"
    assert_reports_written(target, source)


# ---------------------------------------------------------------------------- the package

def test_oxt_holds_manifest_description_menu_and_macro(tmp_path: Path) -> None:
    data = settings()
    path = build_oxt(tmp_path / "sopxl.oxt", config=data)
    with zipfile.ZipFile(path) as z:
        assert sorted(z.namelist()) == sorted(["Addons.xcu", "META-INF/manifest.xml", "description.xml",
                                               f"python/{MACRO_FILE}", f"python/{SETTINGS_FILE}"])
        manifest = etree.fromstring(z.read("META-INF/manifest.xml"))
        description = etree.fromstring(z.read("description.xml"))
        addons = etree.fromstring(z.read("Addons.xcu"))
        macro = z.read(f"python/{MACRO_FILE}")
        shipped = json.loads(z.read(f"python/{SETTINGS_FILE}"))
    m = "{http://openoffice.org/2001/manifest}"
    entries = {e.get(f"{m}full-path"): e.get(f"{m}media-type") for e in manifest}
    assert entries == {"Addons.xcu": "application/vnd.sun.star.configuration-data",
                       "python/": "application/vnd.sun.star.framework-script"}
    d = "{http://openoffice.org/extensions/description/2006}"
    assert description.find(f"{d}identifier").get("value") == EXTENSION_ID
    oor = "{http://openoffice.org/2001/registry}"
    urls = [v.text for p in addons.iter("prop") if p.get(f"{oor}name") == "URL" for v in p]
    titles = {v.text for p in addons.iter("prop") if p.get(f"{oor}name") == "Title" for v in p}
    assert urls == [script_url("sopxl.oxt")] * 2  # the SOP menu and the toolbar
    assert urls[0] == ("vnd.sun.star.script:sopxl.oxt|python|sopxl_lo.py$validasi_sop"
                       "?language=Python&location=user:uno_packages")
    assert "Validasi SOP" in titles
    assert macro == (Path(__file__).parents[1] / "sopxl" / "libreoffice" / MACRO_FILE).read_bytes()
    assert shipped["python"] == sys.executable and shipped["sopxl_root"]
    assert (Path(shipped["sopxl_root"]) / "sopxl" / "libreoffice" / "unodoc.py").is_file()
    assert shipped["python_version"] == "{}.{}".format(*sys.version_info[:2])


def test_shared_install_addresses_the_shared_repository() -> None:
    xcu = addons_xcu(script_url("sopxl.oxt", shared=True))
    assert "location=share:uno_packages" in xcu and "user:uno_packages" not in xcu


def test_cli_build_names_the_url_after_the_file(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["libreoffice", "build", "--out", str(tmp_path / "sop-kantor.oxt")], out, err) == 0
    with zipfile.ZipFile(tmp_path / "sop-kantor.oxt") as z:
        assert "sop-kantor.oxt|python|" in z.read("Addons.xcu").decode()
    assert "Jangan ganti nama berkasnya" in out.getvalue()
    assert cli.run(["libreoffice", "build", "--out", str(tmp_path / "folder")], out, err) == 0
    assert (tmp_path / "folder" / "sopxl.oxt").is_file()


def test_cli_install_as_root_explains_the_choices(monkeypatch) -> None:
    from sopxl.cli import libreoffice as libreoffice_cli

    monkeypatch.setattr(libreoffice_cli, "_is_root", lambda: True)
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["libreoffice", "install"], out, err) == 2
    assert err.getvalue().startswith("unopkg menolak berjalan sebagai root tanpa --shared.")
    assert "--macro-only" in err.getvalue() and out.getvalue() == ""


def test_cli_macro_only_install_and_uninstall(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["libreoffice", "install", "--macro-only", "--user-profile", str(tmp_path)], out, err) == 0
    folder = tmp_path / "user" / "Scripts" / "python"
    assert sorted(p.name for p in folder.iterdir()) == sorted([MACRO_FILE, SETTINGS_FILE])
    assert "Makro sopxl disalin" in out.getvalue()
    argv = ["libreoffice", "uninstall", "--macro-only", "--user-profile", str(tmp_path)]
    assert cli.run(argv, out, err) == 0
    assert not list(folder.iterdir())


def test_cli_speaks_english_with_lang_en(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    argv = ["libreoffice", "install", "--macro-only", "--user-profile", str(tmp_path), "--lang", "en"]
    assert cli.run(argv, out, err) == 0
    assert out.getvalue().startswith("sopxl macro copied to ")
    assert "Tools > Macros > Run Macro > My Macros > sopxl_lo > validasi_sop" in out.getvalue()
    out = io.StringIO()
    argv = ["libreoffice", "--lang", "en", "uninstall", "--macro-only", "--user-profile", str(tmp_path)]
    assert cli.run(argv, out, err) == 0
    assert out.getvalue() == f"sopxl macro removed from {tmp_path / 'user' / 'Scripts' / 'python'}.\n"


def test_cli_install_warns_when_a_venv_is_active(tmp_path: Path, monkeypatch) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    argv = ["libreoffice", "install", "--macro-only", "--user-profile", str(tmp_path / "profile")]
    monkeypatch.setenv("PATH", "/usr/bin")
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(argv, out, err) == 0
    assert "Perhatian" not in out.getvalue()
    monkeypatch.setenv("PATH", str(venv / "bin") + os.pathsep + "/usr/bin")
    out = io.StringIO()
    assert cli.run(argv, out, err) == 0
    assert (f"Perhatian: terminal ini memakai lingkungan Python {venv}. LibreOffice yang dibuka dari "
            "terminal ini tidak dapat menjalankan makro Python") in out.getvalue()


def test_bridge_answers_a_request_as_json(tmp_path: Path, sop_file: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "sopxl.libreoffice.bridge"], capture_output=True,
                          input=json.dumps({"path": str(sop_file), "name": "SOP.ods"}).encode(),
                          timeout=120)
    answer = json.loads(done.stdout)
    assert answer["ok"] and answer["sops"] == 2 and answer["activate"] == "Status"
    assert [s["name"] for s in answer["sheets"]] == ["Status", "Checklist"]
    # The macro's Python has no sopxl.a1: the core hands it each frozen pane's corner zero-based.
    assert [s["freeze_rowcol"] for s in answer["sheets"]] == [[3, 0], [3, 2]]  # A4, C4
    assert answer["looks"]["header"]["bold"] and answer["looks"]["header"]["fill"] == "D9E1F2"
    broken = subprocess.run([sys.executable, "-m", "sopxl.libreoffice.bridge"], capture_output=True,
                            input=json.dumps({"path": str(tmp_path / "tidak-ada.xlsx")}).encode(),
                            timeout=120)
    answer = json.loads(broken.stdout)
    assert answer["ok"] is False and "Traceback" not in answer["message"]
