"""The error hierarchy: every error a user can meet, with a Dutch message that says what to do.

``RegieError``
    base class; ``str(error)`` is a complete Dutch sentence for the user.
``UnreadableFileError`` (a ``RegieError``)
    the file cannot be read at all; the CLI exits with 2. Subclasses say why:
    ``NotASpreadsheetError``, ``EncryptedFileError``, ``FileTooLargeError``,
    ``EmptyWorkbookError``, ``NoProjectsTableError``.
"""

from __future__ import annotations


class RegieError(Exception):
    """Base class of errors a user can meet; the message is Dutch and says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UnreadableFileError(RegieError):
    """The file cannot be read as an inventory at all."""


class NotASpreadsheetError(UnreadableFileError):
    """The content is not a workbook (xlsx, xlsm, xls, xlsb, ods) or a CSV file."""


class EncryptedFileError(UnreadableFileError):
    """The workbook is protected with a password."""


class FileTooLargeError(UnreadableFileError):
    """The file (or what it would unpack to) exceeds the limits, e.g. a zip bomb."""


class EmptyWorkbookError(UnreadableFileError):
    """Every sheet is empty."""


class NoProjectsTableError(UnreadableFileError):
    """No sheet holds the projects table."""
