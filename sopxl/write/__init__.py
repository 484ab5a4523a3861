"""The xlsx package writer: add or replace sheets without touching any other part."""
from .package import new_workbook, write_sheets

__all__ = ["new_workbook", "write_sheets"]
