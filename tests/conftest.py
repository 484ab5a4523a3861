import os
import sys
from pathlib import Path

import pytest

# Builders of real workbooks live beside the tests and are imported by name.
sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")


@pytest.fixture(scope="session")
def lo_profile(tmp_path_factory):
    """A throwaway LibreOffice profile folder for the whole test run."""
    return tmp_path_factory.mktemp("lo-profile") / "profil"
