"""Browser fixtures: a real ``streamlit run dashboard.py`` server and Debian's Chromium.

The server reads tables built from the seeds plus one hostile article whose text carries markup
(``<script>``, ``<img onerror>``); every page must show it as text. Chromium is Debian's
``/usr/bin/chromium`` driven by Playwright (``.ci/run`` installs it); nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
HOSTILE = (
    "Envoy <script>window.__xss_title = 1</script> summoned\n"
    "“<img src=x onerror=window.__xss=1> We will answer <b>firmly</b>,” Defence Minister "
    "Tomasz Nowak said on Monday, adding that 3,000 troops <script>window.__xss = 2</script> had moved.\n"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory) -> Path:
    from sitrep.build import build_corpus

    folder = tmp_path_factory.mktemp("hostile-articles")
    for path in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "zz_markup.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-data")
    build_corpus(folder, out)
    return out


@pytest.fixture(scope="session")
def app_url(hostile_data) -> str:
    port = _free_port()
    env = dict(os.environ, SITREP_DATA=str(hostile_data))
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    else:
        server.terminate()
        raise RuntimeError("streamlit did not start within 60 s")
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "browser tests need Debian's chromium: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


_SCRIPT_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def open_page(page, url: str) -> None:
    """Go to ``url`` and wait until the app has run its script and the page has stopped changing.

    A finished script is not a painted page: Streamlit loads each element's code (selectbox, HTML,
    download button...) lazily, so on a slow machine the main area can still be filling in. Wait
    for the network to go quiet, then for the main area's text to hold still across two looks.
    """
    page.goto(url)
    page.wait_for_selector(_SCRIPT_DONE, timeout=60_000)
    page.wait_for_load_state("networkidle", timeout=60_000)
    main = page.locator("[data-testid='stMain']")
    previous, deadline = None, time.monotonic() + 30
    while time.monotonic() < deadline:
        page.wait_for_selector(_SCRIPT_DONE, timeout=60_000)
        current = main.inner_text()
        if current == previous:
            return
        previous = current
        page.wait_for_timeout(400)
    raise AssertionError(f"{url} kept changing for 30 s")
