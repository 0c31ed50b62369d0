"""regie.storage.engine.configured_url: the database URL from REGIE_DATABASE_URL or from a secret file
(REGIE_DATABASE_URL_FILE, as Docker Compose and Kubernetes mount secrets); clear Dutch errors otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from regie.errors import StorageError
from regie.storage.engine import ENV_URL, ENV_URL_FILE, configured_url, resolve_url


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_URL, raising=False)
    monkeypatch.delenv(ENV_URL_FILE, raising=False)


@pytest.mark.parametrize(("content", "expected"), [
    ("postgresql://regie:geheim@db/regie\n", "postgresql://regie:geheim@db/regie"),
    ("\n  postgresql://regie:geheim@db/regie  \r\nrest", "postgresql://regie:geheim@db/regie"),
])
def test_the_url_comes_from_the_secret_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str,
                                            expected: str) -> None:
    secret = tmp_path / "database_url"
    secret.write_text(content, encoding="utf-8")
    monkeypatch.setenv(ENV_URL_FILE, str(secret))
    assert configured_url() == expected
    assert resolve_url().drivername == "postgresql+psycopg"


def test_the_variable_wins_over_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_URL, "sqlite:///x.sqlite3")
    monkeypatch.setenv(ENV_URL_FILE, str(tmp_path / "missing"))
    assert configured_url() == "sqlite:///x.sqlite3"


def test_nothing_configured_is_the_default_sqlite_file() -> None:
    assert configured_url() is None
    assert resolve_url().drivername == "sqlite"


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "missing", "kan niet worden gelezen"),
    (lambda d: (d / "empty").write_text("\n \n", encoding="utf-8") and d / "empty", "is leeg"),
    (lambda d: (d / "binary").write_bytes(b"\xff\xfe\x00") and d / "binary", "kan niet worden gelezen"),
])
def test_a_bad_secret_file_is_a_dutch_error_without_its_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                make, message: str) -> None:
    monkeypatch.setenv(ENV_URL_FILE, str(make(tmp_path)))
    with pytest.raises(StorageError, match=message) as caught:
        configured_url()
    assert ENV_URL_FILE in str(caught.value) and str(tmp_path) not in str(caught.value)
