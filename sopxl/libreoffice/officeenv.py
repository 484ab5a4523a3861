"""The environment LibreOffice must be started with for its Python macros to load.

LibreOffice's embedded Python finds its home by looking for ``python3`` on PATH. In a
terminal where a virtual environment (or a conda environment) is active, that is the
environment's ``python3``; LibreOffice's Python then takes the environment as its home
and fails to start, so the script provider cannot be created and every Python macro
fails (seen as std::bad_alloc or "ProviderCache::createProvider() Error"). So a
LibreOffice program sopxl starts gets PATH without such folders, and without the
variables that point a Python elsewhere.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

_PYTHON_VARIABLES = ("VIRTUAL_ENV", "CONDA_PREFIX", "PYTHONHOME", "PYTHONPATH")


def python_env_folder(folder: str) -> bool:
    """Is ``folder`` the bin/Scripts folder of a virtual or conda environment?"""
    parent = os.path.dirname(os.path.normpath(folder))
    return bool(parent) and (os.path.isfile(os.path.join(parent, "pyvenv.cfg"))
                             or os.path.isdir(os.path.join(parent, "conda-meta")))


def active_python_env(environ: Mapping[str, str] | None = None) -> list[str]:
    """The PATH folders that would make LibreOffice's Python take another home."""
    environ = os.environ if environ is None else environ
    return [p for p in environ.get("PATH", "").split(os.pathsep) if p and python_env_folder(p)]


def office_environ(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """``environ`` (default: this process's) fit for starting soffice or unopkg."""
    environ = os.environ if environ is None else environ
    env = {k: v for k, v in environ.items() if k not in _PYTHON_VARIABLES}
    drop = set(active_python_env(environ))
    if "PATH" in env:
        env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p not in drop)
    return env
