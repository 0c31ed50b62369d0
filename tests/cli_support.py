"""``python -m regie …`` run in-process: the same ``regie.cli.main``, without starting an interpreter.

A subprocess proves something only where the process itself is the point (the entry point, memory
of a hostile file, a crash): those tests start one. Everywhere else the command runs here, with its
standard output and error captured as the terminal would get them.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from regie.cli import main


@dataclass
class Completed:
    """What a command did: its exit code and its output (as text and as bytes)."""

    args: list[str]
    returncode: int
    stdout_bytes: bytes
    stderr_bytes: bytes

    @property
    def stdout(self) -> str:
        return self.stdout_bytes.decode("utf-8", "replace")

    @property
    def stderr(self) -> str:
        return self.stderr_bytes.decode("utf-8", "replace")


@contextlib.contextmanager
def _environment(env: Mapping[str, str | None]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in env}
    try:
        for key, value in env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_cli(*args: str, env: Mapping[str, str | None] | None = None) -> Completed:
    """Run ``python -m regie ARGS`` in this process; ``env`` sets (or, with None, removes) variables."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", newline="")
    stderr = io.TextIOWrapper(err, encoding="utf-8", newline="")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        with _environment({"REGIE_DEBUG": None, **(env or {})}):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: usage errors and --help
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        stdout.flush()
        stderr.flush()
        sys.stdout, sys.stderr = saved
    return Completed(list(args), int(code), out.getvalue(), err.getvalue())
