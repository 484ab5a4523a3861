"""sopxl: read, check, report and collect SOP AP workbooks (Permenpan RB No. 35/2012)."""
__version__ = "0.2.0"

__all__ = ["__version__"]
