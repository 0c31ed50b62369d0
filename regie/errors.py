"""The error hierarchy: every error a user can meet, with a Dutch message that says what to do.

Every error the package raises on purpose is one of these; ``str(error)`` is a complete Dutch
sentence for the user (it may quote a file or sheet name: show it as text, never as markdown).
Pages catch :class:`RegieError` at the boundary (``regie.ui.widgets.safe_call``); the CLI turns it
into exit code 2. Anything else is a bug: it is logged with its traceback and the user gets a
general Dutch sentence, never the traceback.

::

    RegieError
    ├── UnreadableFileError          the file cannot be read as an inventory at all (CLI: exit 2)
    │   ├── NotASpreadsheetError     not a workbook or CSV, damaged, or in a form the reader cannot read
    │   │   └── UnsupportedFormatError   a known format the reader does not read (Excel 2–4, XML 2003,
    │   │                                a web page saved as .xls, Numbers, PDF…): the message names it
    │   ├── EncryptedFileError       protected with a password
    │   ├── FileTooLargeError        over a size, cell, row, time or memory budget (zip bombs included)
    │   ├── EmptyWorkbookError       every sheet is empty
    │   └── NoProjectsTableError     no sheet holds the projects table
    ├── StorageError                 the database cannot be used (unreachable, read-only, full, damaged)
    ├── WerkruimteError              a request about werkruimtes or snapshots that cannot be done
    │   ├── UnknownWerkruimteError   no werkruimte by that name (the message lists the ones that exist)
    │   ├── UnknownSnapshotError     no snapshot by that label in the werkruimte
    │   ├── DuplicateError           a name or label is already taken
    │   ├── InvalidNameError         an empty or too long name, label or mapping
    │   ├── AccessDeniedError        no access to that werkruimte (never says whether the name exists)
    │   └── WerkhulpError            an answer to a project's working aid that cannot be stored
    ├── WerkplaatsError              a live werkplaats request that cannot be done
    │   ├── UnknownCodeError         no werkplaats with that code
    │   ├── WrongKeyError            the facilitator key does not fit
    │   └── ClosedError              the werkplaats no longer takes votes
    ├── TooManyAttemptsError         too many wrong keys or codes in a short time: wait and try again
    ├── ReportOptionError            a wrong option of ``python -m regie rapport``
    └── ExportError                  an export (PowerPoint, HTML, Excel, PNG) could not be made
"""

from __future__ import annotations

__all__ = [
    "AccessDeniedError",
    "ClosedError",
    "DuplicateError",
    "EmptyWorkbookError",
    "EncryptedFileError",
    "ExportError",
    "FileTooLargeError",
    "InvalidNameError",
    "NoProjectsTableError",
    "NotASpreadsheetError",
    "RegieError",
    "ReportOptionError",
    "StorageError",
    "TooManyAttemptsError",
    "UnknownCodeError",
    "UnknownSnapshotError",
    "UnknownWerkruimteError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "WerkhulpError",
    "WerkplaatsError",
    "WerkruimteError",
    "WrongKeyError",
]


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
    """The content is not a workbook (xlsx, xlsm, xls, xlsb, ods) or a CSV file, or it is damaged."""


class UnsupportedFormatError(NotASpreadsheetError):
    """A format that is recognised but not read; the message names it and says how to save it as .xlsx."""


class EncryptedFileError(UnreadableFileError):
    """The workbook is protected with a password."""


class FileTooLargeError(UnreadableFileError):
    """The file (or what it would unpack to, or what parsing it would cost) exceeds the limits."""


class EmptyWorkbookError(UnreadableFileError):
    """Every sheet is empty."""


class NoProjectsTableError(UnreadableFileError):
    """No sheet holds the projects table."""


class StorageError(RegieError):
    """The database cannot be used (unreachable, locked too long, read-only, full, damaged, newer schema)."""


class WerkruimteError(RegieError):
    """A request about werkruimtes or their snapshots that cannot be done."""


class UnknownWerkruimteError(WerkruimteError):
    """No werkruimte by that name; the message lists the ones that exist."""


class UnknownSnapshotError(WerkruimteError):
    """No snapshot by that label in the werkruimte; the message lists the ones that exist."""


class DuplicateError(WerkruimteError):
    """A werkruimte name or snapshot label is already taken."""


class InvalidNameError(WerkruimteError):
    """An empty or too long name, label or mapping."""


class AccessDeniedError(WerkruimteError):
    """This session may not open that werkruimte; the message never says whether the name exists."""


class WerkhulpError(WerkruimteError):
    """An answer to a project's working aid (Schema 2, RIVM, opdracht) that cannot be stored."""


class WerkplaatsError(RegieError):
    """A werkplaats request that cannot be done (unknown code, wrong key, closed)."""


class UnknownCodeError(WerkplaatsError):
    """No werkplaats with that code."""


class WrongKeyError(WerkplaatsError):
    """The facilitator key does not belong to the werkplaats."""


class ClosedError(WerkplaatsError):
    """The werkplaats does not take votes any more."""


class TooManyAttemptsError(RegieError):
    """Too many wrong werkruimte keys, werkplaats codes or facilitator keys in a short time."""


class ReportOptionError(RegieError):
    """A filter or option of ``python -m regie rapport`` that does not exist."""


class ExportError(RegieError):
    """An export could not be made; the message says which and what to do."""
