"""Hostile uploads: ``python -m regie analyse`` and ``regie.reading.read_workbook`` must survive them.

For every file in :data:`hostile.CASES` the command runs in a separate process with a 30 s timeout: a
fork of a fork server that has imported regie once (as ``python -m regie`` has done before it reads a
file), so sixty cases do not pay pandas' import sixty times. Its peak memory is the larger of what the
process reports of itself and of its parsing child (``ru_maxrss``) and of what this test sees in
``/proc`` while it runs; beyond 2 GiB the test kills it, so a runaway reader cannot take the machine
down.

Asserted for each case: the command finishes; its exit code is one the case allows (2 when unreadable,
0 when it is a legitimate inventory, either where the reader may decide); it stays under 1 GiB; on exit 2
standard output is empty and standard error holds a Dutch message and no traceback; on exit 0 standard
output is the JSON object of the contract. The library entry point must raise a ``RegieError`` with a
Dutch message for the same files (in this process: the parsing itself happens in the bounded child).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import hostile
import pytest
import storage_fixtures

from regie.errors import RegieError
from regie.reading import read_workbook

pytestmark = pytest.mark.usefixtures("spawn_safe_main")  # forked cases must not re-run an AppTest script

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

def _cli_child(argv: list[str], out: str, err: str, env: dict[str, str], usage: str) -> None:
    """The command in a fresh fork of the preloaded server: standard output and error go to files,
    its own peak memory and that of its parsing child go to ``usage``."""
    import resource

    os.environ.update(env)
    with open(out, "wb") as out_file, open(err, "wb") as err_file:
        os.dup2(out_file.fileno(), 1)
        os.dup2(err_file.fileno(), 2)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 - the process ends here
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    from regie.cli import main

    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    sys.stdout.flush()
    sys.stderr.flush()
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    Path(usage).write_text(str(peak))
    os._exit(code or 0)


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


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


def run_measured(argv: list[str], env: tuple[tuple[str, str], ...] = ()) -> Run:
    """``python -m regie ARGV`` in a separate process (a fork of a server that has imported regie):
    timeout, memory kill and peak memory (of the command and of its parsing child)."""
    ctx = storage_fixtures.process_context("regie.cli")  # a fork of a process that imported regie once
    with tempfile.TemporaryDirectory() as folder:
        out, err, usage = (str(Path(folder) / name) for name in ("out", "err", "usage"))
        child = ctx.Process(target=_cli_child, args=(argv, out, err, dict(env), usage))
        child.start()
        deadline = time.monotonic() + TIMEOUT_S
        killed = None
        peak = 0
        while child.is_alive():
            rss = _rss_kib(child.pid or 0) + sum(_rss_kib(p) for p in _children(child.pid or 0))
            peak = max(peak, rss)
            if rss > MEMORY_KILL_KIB:
                killed = "memory"
            elif time.monotonic() > deadline:
                killed = "timeout"
            if killed:
                for pid in [*_children(child.pid or 0), child.pid or 0]:
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)
                break
            child.join(0.01)
        child.join()
        reported = Path(usage).read_text() if Path(usage).exists() else ""
        return Run(
            returncode=child.exitcode if child.exitcode is not None else -9,
            stdout=Path(out).read_bytes().decode("utf-8", "replace") if Path(out).exists() else "",
            stderr=Path(err).read_bytes().decode("utf-8", "replace") if Path(err).exists() else "",
            maxrss_kib=max(int(reported) if reported.isdigit() else 0, peak),
            killed=killed,
        )


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


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

    run = run_measured(["analyse", str(path), "--json"], case.env)

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
def test_library_raises_regie_error(case: hostile.HostileCase, case_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``read_workbook(data, filename=...)`` raises a ``RegieError`` with a Dutch message, nothing else.

    Called in this process: every workbook is measured and parsed in the bounded child (a crash or a
    runaway allocation ends there), and CSV is read against the upload's budget; the CLI test above
    measures the memory of the same code path in a separate process."""
    needs_builder_dependencies(case)
    path = case_path(case)
    for name, value in case.env:
        monkeypatch.setenv(name, value)

    try:
        read_workbook(path.read_bytes(), filename=path.name)
    except RegieError as exc:
        assert 2 in case.exit_codes, f"refused a readable file: {type(exc).__name__}: {exc}"
        assert not dutch_problems(str(exc)), f"{dutch_problems(str(exc))}: {str(exc)!r}"
    else:
        assert 0 in case.exit_codes, f"read an unreadable file without an error ({case.why})"


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
