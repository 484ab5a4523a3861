import os
import sys
from pathlib import Path

# Builders of real workbooks live beside the tests and are imported by name.
sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
