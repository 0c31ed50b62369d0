"""Deploying for a gemeente (Dockerfile, compose.yaml, deploy/Caddyfile) and what that set-up relies on: two app
processes on one PostgreSQL see each other's werkruimtes and werkplaats votes, and nothing is lost or half-saved
when one of them is killed in the middle of a save.

The deployment files are checked as text here (this machine has no Docker daemon to build them); the
two-process test runs two real Streamlit servers, as the compose file's two replicas do.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import conftest_pg
import pytest
import sqlalchemy as sa
import yaml
from browser_support import (
    ROOT,
    StreamlitServer,
    act,
    foreign_requests,
    launch,
    metric_value,
    new_page,
    open_url,
    require_chromium,
)

from regie import load_inventory
from regie import vocabulary as voc
from regie.instruments import werkplaats as wp
from regie.storage import Store

postgres_server_url = conftest_pg.postgres_server_url
postgres_url = conftest_pg.postgres_url

ARTIFACTS = ROOT / "tests" / "_artifacts"


# --------------------------------------------------------------------------------------------
# The deployment files
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    return loaded


def test_compose_runs_two_app_replicas_on_postgresql_behind_a_sticky_proxy(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"app1", "app2", "proxy", "db"}
    for name in ("app1", "app2"):
        app = services[name]
        assert app["environment"]["REGIE_DATABASE_URL_FILE"] == "/run/secrets/database_url"
        assert app["secrets"] == ["database_url"], "the database URL comes from a secret"
        assert app["environment"]["REGIE_TRUSTED_PROXY"] == "1"
        assert "ports" not in app, "only the proxy is reachable"
        assert app["networks"] == ["internal"] and app["read_only"] is True
    assert compose["networks"]["internal"]["internal"] is True, "the apps have no way to other hosts"
    db = services["db"]
    assert db["environment"]["POSTGRES_PASSWORD_FILE"] == "/run/secrets/postgres_password"
    assert not any("PASSWORD=" in str(v) or k == "POSTGRES_PASSWORD" for k, v in db["environment"].items())
    assert compose["secrets"]["database_url"]["file"].startswith("./deploy/secrets/")
    caddy = (ROOT / "deploy" / "Caddyfile").read_text(encoding="utf-8")
    assert re.search(r"reverse_proxy app1:8501 app2:8501", caddy)
    assert re.search(r"lb_policy cookie \w+", caddy), "session affinity: Streamlit's websocket stays on one replica"
    assert services["proxy"]["volumes"] == ["./deploy/Caddyfile:/etc/caddy/Caddyfile:ro"]


def test_the_image_runs_unprivileged_without_telemetry() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim-\w+$", dockerfile, re.M), "a pinned base image"
    assert "RUN pip install -r requirements.txt" in dockerfile, "the pinned requirements"
    assert re.search(r"^USER regie$", dockerfile, re.M)
    assert "STREAMLIT_BROWSER_GATHER_USAGE_STATS=false" in dockerfile
    assert "HEALTHCHECK" in dockerfile and "/_stcore/health" in dockerfile
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {"deploy/secrets", ".streamlit/secrets.toml", ".git"} <= set(ignored), "no secret ends up in the image"
    kept = (ROOT / "deploy" / "secrets" / ".gitignore").read_text(encoding="utf-8").split()
    assert kept == ["*", "!README", "!.gitignore"], "no secret ends up in git"
    for copied in re.findall(r"^COPY \S+ (\S+) ", dockerfile, re.M):
        assert (ROOT / copied.rstrip("/")).exists(), copied


# --------------------------------------------------------------------------------------------
# Two app processes, one PostgreSQL
# --------------------------------------------------------------------------------------------


@pytest.fixture
def servers(postgres_url: str) -> Iterator[tuple[StreamlitServer, StreamlitServer]]:
    try:
        require_chromium()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    env = {"REGIE_DATABASE_URL": postgres_url}
    first = StreamlitServer(log_path=ARTIFACTS / "deploy_app1.log", env=env).start()
    try:
        second = StreamlitServer(log_path=ARTIFACTS / "deploy_app2.log", env=env).start()
    except Exception:
        first.stop()
        raise
    try:
        yield first, second
    finally:
        first.stop()
        second.stop()


def _wait_metric(tab: Any, label: str, value: str) -> None:
    tab.wait_for_function(
        """([label, value]) => [...document.querySelectorAll('[data-testid="stMetric"]')].some(m =>
            m.querySelector('[data-testid="stMetricLabel"]')?.innerText.trim() === label
            && m.querySelector('[data-testid="stMetricValue"]')?.innerText.trim() === value)""",
        arg=[label, value], timeout=30_000)


@pytest.mark.browser
@pytest.mark.postgres
@pytest.mark.slow
def test_two_app_processes_share_werkruimtes_and_votes_and_a_kill_mid_save_loses_nothing(
        servers: tuple[StreamlitServer, StreamlitServer], postgres_url: str) -> None:
    from playwright.sync_api import sync_playwright

    one, two = servers
    with Store(postgres_url) as store:  # a werkplaats started earlier (on either replica)
        info, werkruimte_key = store.create_werkruimte_with_key("Gemeente Wadlo")
        example = load_inventory((ROOT / "data" / "voorbeeld_inventaris.xlsx").read_bytes(), "voorbeeld.xlsx")
        started = wp.start(store, info.name, "Werkplaats 3 december",
                           wp.item_specs(example, ["id:p01"], list(voc.PHASE_CODES)), scan_included=False)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            # a participant on replica 2 votes; theirs is its first request since the start: a deep link
            # that Streamlit first runs outside the router (the code must survive the detour)
            phone = new_page(browser, viewport={"width": 390, "height": 844})
            open_url(phone, f"{two.url}/werkplaats?code={started.code}")
            act(phone, lambda: phone.get_by_text("Een samenwerkingspartner", exact=False).first.click())
            phone.get_by_role("button", name="Stemmen versturen").wait_for()
            phone.locator('[role="radiogroup"]').nth(1).get_by_text("Regisseur", exact=True).click()
            act(phone, lambda: phone.get_by_role("button", name="Stemmen versturen").click())
            assert phone.get_by_text("1 stem opgeslagen", exact=False).count() == 1
            # the facilitator on replica 1 (its first request too: the facilitator link) sees it come in
            host = new_page(browser)
            open_url(host, f"{one.url}/werkplaats?code={started.code}&sleutel={started.key}")
            _wait_metric(host, "Deelnemers", "1")
            _wait_metric(host, "Stemmen", "1")

            # a colleague on replica 1 makes a werkruimte; another on replica 2 opens it with its key
            maker = new_page(browser)
            open_url(maker, f"{one.url}/werkruimtes")
            maker.locator('input[aria-label="Nieuwe werkruimte"]').fill("Veenland")
            act(maker, lambda: maker.get_by_role("button", name="Werkruimte maken").click())
            veenland_key = maker.locator('[data-testid="stCode"]').first.inner_text().strip()
            other = new_page(browser)
            open_url(other, f"{two.url}/werkruimtes")
            for name, key in (("Veenland", veenland_key), ("Gemeente Wadlo", werkruimte_key)):
                if not other.locator('input[aria-label="Naam van de werkruimte"]').is_visible():
                    other.get_by_text("Werkruimte openen met zijn sleutel").click()  # folded once one is open
                other.locator('input[aria-label="Naam van de werkruimte"]').fill(name)
                other.locator('input[aria-label="Werkruimtesleutel"]').fill(key)
                act(other, lambda: other.get_by_role("button", name="Openen").click())
                other.get_by_text(f"Werkruimte '{name}' is geopend", exact=False).wait_for(timeout=30_000)

            # replica 2 is killed the moment it is asked to save a snapshot
            other.locator('input[aria-label="Label"]').fill("voor")
            other.get_by_role("button", name="Opslaan als momentopname").click()
            time.sleep(0.05)
            two.kill()

            with Store(postgres_url) as store, store.engine.connect() as conn:
                snapshots = conn.execute(sa.text("SELECT COUNT(*) FROM snapshots")).scalar_one()
                files = conn.execute(sa.text("SELECT COUNT(*) FROM snapshot_files")).scalar_one()
                assert snapshots == files <= 1, "a snapshot is saved whole or not at all"
                assert {w.name for w in store.werkruimtes()} == {"Gemeente Wadlo", "Veenland"}
            # replica 1 carries on: the vote cast on replica 2 is there
            act(host, lambda: host.get_by_role("button", name="Resultaten tonen").click())
            host.get_by_text("De stemming is gesloten; dit is de uitslag.").wait_for(timeout=30_000)
            assert metric_value(host, "Stemmen") == "1"
            for tab in (phone, host, maker):
                assert not foreign_requests(tab, one.url if tab is not phone else two.url)
        finally:
            browser.close()
