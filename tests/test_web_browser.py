"""The explorer in headless Chromium, served by uvicorn on loopback: pages render with no
console error, every request goes to the app itself, hostile names stay text.

Chromium resolves no host name but 127.0.0.1 (``--host-resolver-rules``), so nothing can leave the
machine; the rendered DOM is checked to name no outside script, style or image, and an ASGI
wrapper records every path the browser asked the app for (its stylesheet and script among them).
Console errors come from Chromium's log; a control page that throws shows that check can fail.
"""

from __future__ import annotations

import re
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from aikg.graph.loader import load_jsonl
from aikg.graph.store import open_store
from aikg.web import create_app
from tests.browser import CHROMIUM_FLAGS, find_chromium
from tests.conftest import DATA

pytestmark = pytest.mark.browser

CHROMIUM = find_chromium()
FIXTURES = [DATA / "query_fixture.jsonl", DATA / "web" / "hostile.jsonl"]
HOSTILE_ID = "company%3Aimg-src-x-onerror-alert-1"
PAGES = ("/", "/cluster/cluster%3Atoronto", f"/entity/{HOSTILE_ID}", "/entity/company%3Anvidia",
         "/search?q=Vectr", "/queries/cluster_profile?run=1&cluster=Toronto")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Recorder:
    """ASGI wrapper keeping the path of every HTTP request the app receives."""

    def __init__(self, app) -> None:
        self.app = app
        self.paths: list[str] = []

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            self.paths.append(scope["path"])
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("headless Chromium not found: install Debian 'chromium' or set AIKG_CHROMIUM")
    import uvicorn

    store = open_store("embedded", home=tmp_path_factory.mktemp("web-browser") / "home")
    store.apply_schema()
    assert not load_jsonl(store, FIXTURES).errors
    recorder = Recorder(create_app(store, allowed_hosts=["127.0.0.1"]))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(recorder, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", recorder
    srv.should_exit = True
    thread.join(10)
    store.close()


def _open(url: str, work: Path) -> tuple[str, list[str]]:
    """(dumped DOM, console lines) of one page loaded in headless Chromium."""
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}", "--window-size=1280,900",
           "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--virtual-time-budget=3000",
           f"--screenshot={work / 'shot.png'}", "--dump-dom", url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=90, cwd=work)
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line or "Refused" in line]
    return proc.stdout, console


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_offline_with_no_console_error(server, path):
    base, recorder = server
    start = len(recorder.paths)
    with tempfile.TemporaryDirectory() as work:
        dom, console = _open(base + path, Path(work))
    assert "<main>" in dom and "<h1>" in dom
    assert not re.findall(r'(?:src|href)="(?:https?:)?//(?!127\.0\.0\.1)[^"]*"', dom.split("<main>")[0])
    assert not re.findall(r'src="(?:https?:)?//', dom)
    assert not console, console
    asked = recorder.paths[start:]
    assert "/static/style.css" in asked and "/static/table.js" in asked, asked
    if "img-src" in path:
        assert "<img" not in dom.split("<main>")[1] and "&lt;img src=x onerror=alert(1)&gt;" in dom


def test_control_outside_requests_and_errors_are_seen(tmp_path):
    """The checks can fail: a page that loads a CDN script and throws is reported on the console."""
    if CHROMIUM is None:
        pytest.skip("headless Chromium not found")
    page = tmp_path / "control.html"
    page.write_text('<!doctype html><html><head><script src="https://cdn.example.com/lib.js"></script></head>'
                    "<body><main><h1>x</h1></main><script>undefinedFunction();</script></body></html>",
                    encoding="utf-8")
    _, console = _open(page.as_uri(), tmp_path)
    text = "\n".join(console)
    assert "undefinedFunction" in text, console


@pytest.mark.parametrize("path", ["/network/cluster/cluster%3Atoronto", f"/network/entity/{HOSTILE_ID}", "/network/clusters"])
def test_network_view_draws_with_no_console_error(server, path):
    base, recorder = server
    start = len(recorder.paths)
    with tempfile.TemporaryDirectory() as work:
        dom, console = _open(base + path, Path(work))
    assert not console, console
    assert "<canvas" in dom  # vis drew its canvas, so the inline script ran under the page's policy
    assert len(recorder.paths[start:]) == 1, recorder.paths[start:]  # the page alone: its script is inline
