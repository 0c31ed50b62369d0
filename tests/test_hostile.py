"""Hostile uploads: ``python -m regie analyse`` and ``regie.reading.read_workbook`` must survive them.

For every file in :data:`hostile.CASES` the command runs in a child process with a 30 s timeout; the
child's peak memory is measured with ``wait4`` from a small wrapper process (``ru_maxrss`` survives
``exec``, so measuring from the big pytest process would report pytest's own size). The wrapper kills the
child when it passes 2 GiB, so a runaway reader cannot take the machine down.

Asserted for each case: the command finishes; its exit code is one the case allows (2 when unreadable,
0 when it is a legitimate inventory, either where the reader may decide); it stays under 1 GiB; on exit 2
standard output is empty and standard error holds a Dutch message and no traceback; on exit 0 standard
output is the JSON object of the contract. The library entry point must raise a ``RegieError`` with a
Dutch message for the same files (also in a child process: a crash there must not take pytest down).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import hostile
import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 30
MEMORY_LIMIT_KIB = 1024 * 1024  # 1 GiB: the assertion
MEMORY_KILL_KIB = 2 * 1024 * 1024  # 2 GiB: the wrapper kills the child beyond this
MACRO_MARKER = Path("/tmp/regie-macro-has-run")
PASSWD_MARKER = "root:x:0:0"

DUTCH_WORDS = frozenset(
    {
        "bestand",
        "bestanden",
        "niet",
        "geen",
        "kan",
        "kon",
        "kunnen",
        "leeg",
        "lege",
        "groot",
        "groter",
        "te",
        "versleuteld",
        "wachtwoord",
        "beveiligd",
        "werkblad",
        "werkbladen",
        "blad",
        "bladen",
        "tabel",
        "projecten",
        "projectentabel",
        "het",
        "een",
        "deze",
        "dit",
        "wordt",
        "zijn",
        "ongeldig",
        "beschadigd",
        "gelezen",
        "lezen",
        "openen",
        "geopend",
        "bevat",
        "gevonden",
        "controleer",
        "sla",
        "als",
        "van",
        "met",
        "voor",
        "zonder",
        "maar",
        "alleen",
        "gegevens",
        "omvang",
        "bestandstype",
        "herkend",
        "opnieuw",
    }
)
"""Words of which a Dutch message holds at least two."""

ENGLISH_WORDS = re.compile(r"\b(the|cannot|could|file|password|encrypted|error|invalid|not a)\b", re.IGNORECASE)
"""Words that betray an untranslated (library) message."""

EXCEPTION_NAME = re.compile(r"\b[A-Z]\w*(Error|Exception)\b|\bBadZipFile\b")

CONTRACT_KEYS = {"file", "counts", "rows", "phases", "elements", "phase_element", "roles", "skills", "issues"}

# The wrapper runs the command and reports, as one JSON line, its exit code, output and peak memory.
WRAPPER = r"""
import json, os, signal, subprocess, sys, tempfile, time

spec = json.loads(sys.argv[1])


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
    proc = subprocess.Popen(
        spec["args"], cwd=spec["cwd"], stdin=subprocess.DEVNULL, stdout=out, stderr=err,
        start_new_session=True, env={**os.environ, **spec["env"]},
    )
    deadline = time.monotonic() + spec["timeout"]
    killed = None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if rss_kib(proc.pid) > spec["kill_kib"]:
            killed = "memory"
        elif time.monotonic() > deadline:
            killed = "timeout"
        if killed:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.01)
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    err.seek(0)
    print(json.dumps({
        "returncode": proc.returncode,
        "stdout": out.read().decode("utf-8", "replace"),
        "stderr": err.read().decode("utf-8", "replace"),
        "maxrss_kib": usage.ru_maxrss,
        "killed": killed,
    }))
"""

# Calls the library on the file's bytes and reports what it raised, as the last line of output.
LIBRARY_CALL = r"""
import json, sys
from pathlib import Path

from regie.errors import RegieError
from regie.reading import read_workbook

path = Path(sys.argv[1])
data = path.read_bytes()
try:
    read_workbook(data, filename=path.name)
except BaseException as exc:
    report = {
        "raised": f"{type(exc).__module__}.{type(exc).__qualname__}",
        "regie_error": isinstance(exc, RegieError),
        "message": str(exc),
    }
else:
    report = {"raised": None}
print()
print(json.dumps(report))
"""


@dataclass
class Run:
    """The outcome of one measured child process."""

    returncode: int
    stdout: str
    stderr: str
    maxrss_kib: int
    killed: str | None

    def describe(self) -> str:
        """A summary for assertion messages."""
        return (
            f"exit {self.returncode}, {self.maxrss_kib // 1024} MiB, killed={self.killed}\n"
            f"--- stdout ---\n{self.stdout[-2000:]}\n--- stderr ---\n{self.stderr[-3000:]}"
        )


def run_measured(args: list[str], env: tuple[tuple[str, str], ...] = ()) -> Run:
    """Run ``args`` in the repository under the wrapper: timeout, memory kill and peak memory."""
    spec = {"args": args, "cwd": str(ROOT), "timeout": TIMEOUT_S, "kill_kib": MEMORY_KILL_KIB, "env": dict(env)}
    wrapper = subprocess.run(
        [sys.executable, "-c", WRAPPER, json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S + 60,
        check=False,
    )
    assert wrapper.returncode == 0, f"measuring wrapper failed:\n{wrapper.stderr}"
    return Run(**json.loads(wrapper.stdout))


def dutch_problems(message: str) -> list[str]:
    """Return why ``message`` is not a plain Dutch message for a user (empty when it is)."""
    problems = []
    words = set(re.findall(r"[a-zà-ÿ]+", message.lower()))
    if len(words & DUTCH_WORDS) < 2:
        problems.append("fewer than two Dutch words")
    if "Traceback" in message:
        problems.append("holds a traceback")
    if match := ENGLISH_WORDS.search(message):
        problems.append(f"holds the English word {match.group(0)!r}")
    if match := EXCEPTION_NAME.search(message):
        problems.append(f"names the exception {match.group(0)!r}")
    return problems


def needs_builder_dependencies(case: hostile.HostileCase) -> None:
    """Skip the encrypted fixtures when msoffcrypto-tool (which brings cryptography) is missing."""
    if case.id in {"encrypted-xlsx", "encrypted-ods"}:
        pytest.importorskip("msoffcrypto", reason="msoffcrypto-tool is needed to build this fixture")


@pytest.fixture(scope="session")
def hostile_files() -> dict[str, Path]:
    """Paths of the written hostile files by case id, written on first use."""
    return {}


@pytest.fixture
def case_path(hostile_files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory):
    """A function that writes a case once per session and returns its path."""

    def path_of(case: hostile.HostileCase) -> Path:
        if case.id not in hostile_files:
            directory = tmp_path_factory.mktemp("hostile")  # a neutral name: messages may quote the path
            hostile_files[case.id] = hostile.write_case(case, directory)
        return hostile_files[case.id]

    return path_of


CASE_PARAMS = [pytest.param(case, id=case.id) for case in hostile.CASES]


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_cli_survives(case: hostile.HostileCase, case_path) -> None:
    """``python -m regie analyse FILE --json`` finishes, stays small and answers per the contract."""
    needs_builder_dependencies(case)
    path = case_path(case)
    marker_existed = MACRO_MARKER.exists()

    run = run_measured([sys.executable, "-m", "regie", "analyse", str(path), "--json"], case.env)

    assert run.killed != "timeout", f"did not finish within {TIMEOUT_S} s ({case.why})\n{run.describe()}"
    assert run.killed != "memory", f"passed {MEMORY_KILL_KIB // 1024} MiB and was killed\n{run.describe()}"
    assert run.returncode in case.exit_codes, (
        f"exit code {run.returncode}, expected one of {sorted(case.exit_codes)} ({case.why})\n{run.describe()}"
    )
    assert run.maxrss_kib < MEMORY_LIMIT_KIB, f"peak memory {run.maxrss_kib // 1024} MiB\n{run.describe()}"
    assert "Traceback" not in run.stderr + run.stdout, run.describe()
    assert PASSWD_MARKER not in run.stdout + run.stderr, "an external entity was resolved"
    if not marker_existed:
        assert not MACRO_MARKER.exists(), "the macro ran"

    if run.returncode == 2:
        assert run.stdout == "", f"standard output must be empty on exit 2\n{run.describe()}"
        message = run.stderr.strip()
        assert message, "exit 2 without a message"
        assert not dutch_problems(message), f"{dutch_problems(message)}: {message!r}"
        if case.hints:
            assert any(hint.lower() in message.lower() for hint in case.hints), (
                f"the message does not say why (expected one of {case.hints}): {message!r}"
            )
    else:
        result = json.loads(run.stdout)
        assert isinstance(result, dict), run.describe()
        assert result.keys() >= CONTRACT_KEYS, f"missing keys {CONTRACT_KEYS - result.keys()}"
        assert result["file"] == path.name
        if case.projects is not None:
            assert result["counts"]["projects"] == case.projects, run.describe()


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_library_raises_regie_error(case: hostile.HostileCase, case_path) -> None:
    """``read_workbook(data, filename=...)`` raises a ``RegieError`` with a Dutch message, nothing else."""
    needs_builder_dependencies(case)
    path = case_path(case)

    run = run_measured([sys.executable, "-c", LIBRARY_CALL, str(path)], case.env)

    assert run.killed is None, f"killed ({run.killed}) ({case.why})\n{run.describe()}"
    assert run.returncode == 0, f"the library call crashed the interpreter\n{run.describe()}"
    assert run.maxrss_kib < MEMORY_LIMIT_KIB, f"peak memory {run.maxrss_kib // 1024} MiB\n{run.describe()}"
    report = json.loads(run.stdout.strip().splitlines()[-1])
    if report["raised"] is None:
        assert 0 in case.exit_codes, f"read an unreadable file without an error ({case.why})"
        return
    assert report["regie_error"], f"raised {report['raised']}, not a RegieError: {report['message']!r}"
    assert 2 in case.exit_codes, f"refused a readable file: {report['raised']}: {report['message']!r}"
    assert not dutch_problems(report["message"]), f"{dutch_problems(report['message'])}: {report['message']!r}"


# --------------------------------------------------------------------------------------------------
# The builders themselves (no regie needed)
# --------------------------------------------------------------------------------------------------


def member_sizes(data: bytes) -> dict[str, int]:
    """Declared uncompressed size of every member of a zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: info.file_size for info in archive.infolist()}


def test_zip_bomb_declares_300_mb_in_under_a_megabyte() -> None:
    """(a) The real bomb declares (and holds) 300 MiB and is small on disk."""
    data = hostile.zip_bomb_declared()
    assert len(data) < 1024 * 1024
    assert sum(member_sizes(data).values()) > 300 * 1000 * 1000


def test_lying_zip_bomb_declares_little_and_fails_its_crc() -> None:
    """(b) The lying bomb declares 4 KiB; reading it to the declared size fails the CRC check."""
    data = hostile.zip_bomb_lying()
    assert sum(member_sizes(data).values()) < 1024 * 1024
    with zipfile.ZipFile(io.BytesIO(data)) as archive, pytest.raises(zipfile.BadZipFile, match="CRC"):
        archive.read("xl/worksheets/sheet1.xml")


def test_many_members_and_nested_zip() -> None:
    """(c) 100 000 extra members; (d) a zip of zips that is not a workbook."""
    assert len(member_sizes(hostile.zip_many_members())) == 100_000 + 6
    nested = member_sizes(hostile.zip_nested())
    assert all(name.endswith(".zip") for name in nested)


def test_entity_attacks_carry_their_dtd() -> None:
    """The entity attacks hold the DTD in the part they claim."""
    with zipfile.ZipFile(io.BytesIO(hostile.billion_laughs_shared_strings_xlsx())) as archive:
        assert b"<!ENTITY lol9" in archive.read("xl/sharedStrings.xml")
    with zipfile.ZipFile(io.BytesIO(hostile.billion_laughs_sheet_xlsx())) as archive:
        assert b"&lol9;" in archive.read("xl/worksheets/sheet1.xml")
    with zipfile.ZipFile(io.BytesIO(hostile.xxe_shared_strings_xlsx())) as archive:
        assert b'SYSTEM "file:///etc/passwd"' in archive.read("xl/sharedStrings.xml")
    with zipfile.ZipFile(io.BytesIO(hostile.billion_laughs_ods())) as archive:
        assert b"<!ENTITY lol9" in archive.read("content.xml")


def test_dimension_bombs_reach_the_last_cell() -> None:
    """The dimension bombs reference XFD1048576 (cell or dimension) and the ods repeats 17 billion cells."""
    for builder in (hostile.dimension_bomb_xlsx, hostile.formatted_far_cell_xlsx, hostile.dimension_lie_xlsx):
        with zipfile.ZipFile(io.BytesIO(builder())) as archive:
            assert b"XFD1048576" in archive.read("xl/worksheets/sheet1.xml")
    for builder, part in (
        (hostile.dimension_bomb_single_quotes_xlsx, "xl/worksheets/sheet1.xml"),
        (hostile.dimension_bomb_spaced_equals_xlsx, "xl/worksheets/sheet1.xml"),
        (hostile.dimension_bomb_row_without_r_xlsx, "xl/worksheets/sheet1.xml"),
        (hostile.dimension_bomb_relocated_sheet_xlsx, "xl/data/blad1.xml"),
        (hostile.dimension_bomb_uppercase_extension_xlsx, "xl/worksheets/sheet1.XML"),
    ):
        with zipfile.ZipFile(io.BytesIO(builder())) as archive:
            assert b"XFD1048576" in archive.read(part), builder.__name__
    with zipfile.ZipFile(io.BytesIO(hostile.repeat_bomb_ods())) as archive:
        content = archive.read("content.xml")
    assert b'number-columns-repeated="16384"' in content
    assert b'number-rows-repeated="1048575"' in content


def test_encrypted_fixtures_are_really_encrypted() -> None:
    """The three encrypted files are encrypted the way Excel, a zip tool and LibreOffice do it."""
    msoffcrypto = pytest.importorskip("msoffcrypto")
    office = msoffcrypto.OfficeFile(io.BytesIO(hostile.encrypted_xlsx()))
    assert office.is_encrypted()
    office.load_key(password=hostile.PASSWORD)
    plain = io.BytesIO()
    office.decrypt(plain)
    assert plain.getvalue() == hostile.encryptable_xlsx()

    with zipfile.ZipFile(io.BytesIO(hostile.zipcrypto_xlsx())) as archive:
        assert all(info.flag_bits & 1 for info in archive.infolist())
        assert b"Projecten" in archive.read("xl/workbook.xml", pwd=hostile.PASSWORD.encode())

    with zipfile.ZipFile(io.BytesIO(hostile.encrypted_ods())) as archive:
        assert b"manifest:encryption-data" in archive.read("META-INF/manifest.xml")
        assert b"office:document-content" not in archive.read("content.xml")


def test_sparse_csv_is_over_200_mb(tmp_path: Path) -> None:
    """The large CSV is 201 MiB on paper and starts with a projects header."""
    path = hostile.write_case(hostile.CASES_BY_ID["large-csv-201mb"], tmp_path)
    assert path.stat().st_size == hostile.LARGE_CSV_SIZE > 200 * 1024 * 1024
    assert path.read_bytes()[:11] == b"Projectnaam"


def test_readable_fixtures_are_valid_workbooks() -> None:
    """The readable fixtures open in openpyxl with the three projects (the xlsm keeps its macro)."""
    openpyxl = pytest.importorskip("openpyxl")
    for builder in (hostile.valid_xlsx, hostile.xlsm_with_macros, hostile.dimension_lie_xlsx):
        workbook = openpyxl.load_workbook(io.BytesIO(builder()), read_only=True)
        rows = list(workbook["Projecten"].iter_rows(values_only=True))
        assert rows[0][:4] == hostile.PROJECT_HEADER
        assert [row[0] for row in rows[1:4]] == [row[0] for row in hostile.PROJECT_ROWS]
    with zipfile.ZipFile(io.BytesIO(hostile.xlsm_with_macros())) as archive:
        assert b"Workbook_Open" in archive.read("xl/vbaProject.bin")


def test_xlsb_fixture_reads_in_calamine() -> None:
    """The hand-written xlsb is a real workbook: python-calamine reads the three projects from it."""
    calamine = pytest.importorskip("python_calamine")
    book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(hostile.valid_xlsb()))
    assert book.sheet_names == ["Projecten"]
    rows = book.get_sheet_by_index(0).to_python()
    assert tuple(rows[0]) == hostile.PROJECT_HEADER
    assert [row[0] for row in rows[1:]] == [row[0] for row in hostile.PROJECT_ROWS]


def test_builders_are_deterministic() -> None:
    """Building a fixture twice gives the same bytes (so failures reproduce)."""
    for case in hostile.CASES:
        if case.id in {"encrypted-xlsx", "encrypted-ods"} or case.build in {
            hostile.zip_bomb_declared,
            hostile.zip_bomb_lying,
            hostile.zip_many_members,
            hostile.zip_nested,
        }:
            continue  # cached (or, for msoffcrypto, randomised) builders
        assert case.build() == case.build(), case.id


def test_dutch_message_check() -> None:
    """The message check accepts Dutch and rejects leaked library text."""
    assert not dutch_problems("Dit bestand is versleuteld met een wachtwoord. Sla het op zonder wachtwoord.")
    assert dutch_problems("File is not a zip file")
    assert dutch_problems("Het bestand kan niet worden gelezen: BadZipFile")
    assert dutch_problems("Traceback (most recent call last):")
