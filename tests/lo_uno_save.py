"""Save a workbook with a password through LibreOffice's own API (UNO), as a user does in Calc.

Run with the system Python that has LibreOffice's ``uno`` module (Debian: python3-uno)::

    /usr/bin/python3 lo_uno_save.py SOURCE OUT_DIR '[{"name": …, "filter": …, "password": …, "options": …}]'

``--convert-to`` cannot set a password; UNO's ``storeToURL`` with a ``Password`` property can, and
writes the encryption LibreOffice really uses (RC4 for .xls, AES for .ods). One LibreOffice start
writes every file (``password`` and ``options``, the filter options, may be left out). Exits 0 when
every file was written.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def main() -> None:
    """Start a private headless LibreOffice, store each requested file, stop it."""
    source, out_dir, specs = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
    port = 2100 + int(time.time() * 1000) % 800
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen([
            "soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--invisible",
            "--norestore", f"--accept=socket,host=127.0.0.1,port={port};urp;",
        ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            context = None
            for _ in range(120):
                try:
                    context = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                    break
                except Exception:  # LibreOffice is still starting
                    time.sleep(0.25)
            if context is None:
                sys.exit("LibreOffice did not start")
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            document = desktop.loadComponentFromURL(source.resolve().as_uri(), "_blank", 0, (_property("Hidden", True),))
            for spec in specs:
                properties = [_property("FilterName", spec["filter"])]
                if spec.get("password"):
                    properties.append(_property("Password", spec["password"]))
                if spec.get("options"):
                    properties.append(_property("FilterOptions", spec["options"]))
                document.storeToURL((out_dir / spec["name"]).resolve().as_uri(), tuple(properties))
            document.close(True)
            with contextlib.suppress(Exception):  # the bridge closes as LibreOffice ends
                desktop.terminate()
            office.wait(timeout=60)
        finally:
            if office.poll() is None:
                office.kill()


if __name__ == "__main__":
    main()
