"""The exit codes every ``sopxl`` command shares (documented in the README)."""

EXIT_OK = 0  # checked, nothing blocking
EXIT_FINDINGS = 1  # checked, with errors in the SOPs
EXIT_UNREADABLE = 2  # a file could not be read or written, or the command was wrong
