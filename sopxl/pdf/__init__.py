"""Print SOPs: one PDF per SOP, and the compiled Buku SOP (``sopxl pdf``, ``sopxl buku``)."""
