"""Open a saved HTML page in headless Chromium and report what happened (for the view tests).

No browser-automation package: one ``chromium --headless --dump-dom --screenshot`` run per
page. Before the run a copy of the page gets, as the first things in ``<head>``:

* a Content-Security-Policy that allows inline script and style and ``data:`` images but
  no other source, so any request the page tries (http, https, or a file beside it) is
  blocked and reported by a ``securitypolicyviolation`` event instead of leaving the machine;
* a probe script that records JavaScript errors, dialogs (``alert`` and friends, which
  injected markup would call), blocked requests and failed resources, and every 200 ms a
  snapshot (the view's data attributes, canvases with their painted pixel count, ``<img>``
  count), all written into ``<html data-probe="…">`` so ``--dump-dom`` carries it out.

The page is copied alone into an empty folder, so nothing it names beside itself exists.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions", "--mute-audio",
    "--hide-scrollbars", "--force-device-scale-factor=1", "--enable-logging=stderr", "--v=0",
)

CSP = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src data:; connect-src 'none'; frame-src 'none'; form-action 'none'")

PROBE = r"""
(function () {
  var rec = { errors: [], dialogs: [], blocked: [], failed: [], snapshot: null };
  function save() { try { document.documentElement.setAttribute("data-probe", JSON.stringify(rec)); } catch (e) {} }
  window.addEventListener("error", function (e) {
    if (e.target && e.target !== window) {
      rec.failed.push(String(e.target.tagName) + " " + String(e.target.src || e.target.href || ""));
    } else {
      rec.errors.push(String(e.message) + " @" + String(e.filename || "") + ":" + String(e.lineno || 0));
    }
    save();
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    rec.errors.push("unhandled rejection: " + String(e.reason)); save();
  });
  var consoleError = console.error;
  console.error = function () {
    rec.errors.push("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    save();
    return consoleError.apply(console, arguments);
  };
  ["alert", "confirm", "prompt", "print", "open"].forEach(function (name) {
    window[name] = function (msg) { rec.dialogs.push(name + ": " + String(msg)); save(); return null; };
  });
  document.addEventListener("securitypolicyviolation", function (e) {
    rec.blocked.push(String(e.effectiveDirective || e.violatedDirective) + " " + String(e.blockedURI)); save();
  });
  function snapshot() {
    var root = document.getElementById("aikg-view");
    var attrs = {};
    if (root) { Array.prototype.forEach.call(root.attributes, function (a) { attrs[a.name] = a.value; }); }
    var canvases = Array.prototype.map.call(document.querySelectorAll("canvas"), function (c) {
      var r = c.getBoundingClientRect(), painted = -1;
      try {
        var d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        painted = 0;
        for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { painted++; } }
      } catch (e) {}
      return { x: r.left, y: r.top, width: r.width, height: r.height, painted: painted };
    });
    var resources = [];
    try { resources = performance.getEntriesByType("resource").map(function (e) { return e.name; }); } catch (e) {}
    var tips = {};
    var view = window.aikgView;  // set by aikg view pages: check tooltips are DOM elements holding text
    if (view && view.nodes && view.edges) {
      view.nodes.get().concat(view.edges.get()).forEach(function (item) {
        var t = item.title;
        tips[item.id] = { element: t instanceof Element, text: t instanceof Element ? t.textContent : String(t),
                          children: t instanceof Element ? t.children.length : -1 };
      });
    }
    rec.snapshot = { attrs: attrs, canvases: canvases, images: document.getElementsByTagName("img").length,
                     resources: resources, title: document.title, tooltips: tips };
    save();
  }
  setInterval(snapshot, 200);
  window.addEventListener("load", snapshot);
})();
"""


def find_chromium() -> str | None:
    """Path of a Chromium or Chrome binary ($AIKG_CHROMIUM wins), or None."""
    explicit = os.environ.get("AIKG_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else shutil.which(explicit)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def instrument(html: str) -> str:
    """The page with the CSP and the probe placed before anything else in ``<head>``."""
    head = (f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f"<script>{PROBE}</script>")
    lower = html.lower()
    at = lower.find("<head>")
    if at >= 0:
        at += len("<head>")
        return html[:at] + head + html[at:]
    return "<head>" + head + "</head>" + html


class _ProbeReader(HTMLParser):
    """Reads the dumped DOM: the probe attribute, ``<img>`` tags, and the text of each element by tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.probe: str | None = None
        self.img_tags = 0
        self.texts: dict[str, list[str]] = {}
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html" and self.probe is None:
            self.probe = dict(attrs).get("data-probe")
        if tag == "img":
            self.img_tags += 1
        if tag in ("option", "h1", "p", "title", "label"):
            self._open.append((tag, []))

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            _, parts = self._open.pop()
            self.texts.setdefault(tag, []).append("".join(parts).strip())


@dataclass
class PageReport:
    dom: str
    screenshot: Path
    probe: dict[str, Any]
    console: list[str] = field(default_factory=list)
    img_tags: int = 0
    texts: dict[str, list[str]] = field(default_factory=dict)  # text of <option>, <h1>, <p>, <title>, <label>

    @property
    def errors(self) -> list[str]:
        uncaught = [line for line in self.console if "Uncaught" in line]
        return list(self.probe.get("errors", [])) + uncaught

    @property
    def dialogs(self) -> list[str]:
        return list(self.probe.get("dialogs", []))

    @property
    def requests(self) -> list[str]:
        """Everything the page tried to load: blocked by the policy, failed, or fetched."""
        snap = self.probe.get("snapshot") or {}
        return (list(self.probe.get("blocked", [])) + list(self.probe.get("failed", []))
                + [r for r in snap.get("resources", []) if not r.startswith("data:")])

    @property
    def attrs(self) -> dict[str, str]:
        return dict((self.probe.get("snapshot") or {}).get("attrs", {}))

    @property
    def tooltips(self) -> dict[str, dict[str, Any]]:
        return dict((self.probe.get("snapshot") or {}).get("tooltips", {}))

    @property
    def canvases(self) -> list[dict[str, Any]]:
        return list((self.probe.get("snapshot") or {}).get("canvases", []))

    def main_canvas(self) -> dict[str, Any]:
        return max(self.canvases, key=lambda c: c["width"] * c["height"])

    def screenshot_pixels(self, rect: dict[str, Any] | None = None, *, background: tuple[int, int, int] = (255, 255, 255),
                          tolerance: int = 12) -> tuple[int, int, set[tuple[int, int, int]]]:
        """(pixels unlike the background, pixels looked at, colours seen) in ``rect`` of the screenshot."""
        import numpy as np
        from PIL import Image

        with Image.open(self.screenshot) as img:
            rgb = img.convert("RGB")
            if rect is not None:
                box = (int(rect["x"]) + 1, int(rect["y"]) + 1, int(rect["x"] + rect["width"]) - 1,
                       int(rect["y"] + rect["height"]) - 1)
                rgb = rgb.crop(box)
            pixels = np.asarray(rgb, dtype=np.int16).reshape(-1, 3)
        unlike = pixels[np.abs(pixels - np.asarray(background, dtype=np.int16)).max(axis=1) > tolerance]
        colours = {tuple(int(v) for v in p) for p in np.unique(unlike, axis=0)} if len(unlike) else set()
        return len(unlike), len(pixels), colours


def open_page(page: Path, work: Path | None = None, *, budget_ms: int = 6000, size: tuple[int, int] = (1280, 900),
              timeout: float = 60.0, chromium: str | None = None, actions: str | None = None) -> PageReport:
    """Load ``page`` in headless Chromium and report errors, dialogs, requests, DOM and a screenshot.

    ``actions`` is JavaScript run once the page has loaded (to click its controls).
    """
    binary = chromium or find_chromium()
    if binary is None:
        raise RuntimeError("no Chromium found (install Debian 'chromium', or set AIKG_CHROMIUM)")
    work = Path(work or tempfile.mkdtemp(prefix="aikg-browser-"))
    site = work / "site"
    site.mkdir(parents=True, exist_ok=True)
    copy = site / "page.html"
    html = instrument(page.read_text(encoding="utf-8"))
    if actions:
        at = html.lower().rfind("</body>")
        at = at if at >= 0 else len(html)
        html = html[:at] + f"<script>window.addEventListener('load', function () {{ {actions} }});</script>" + html[at:]
    copy.write_text(html, encoding="utf-8")
    shot = work / "screenshot.png"
    cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}", f"--window-size={size[0]},{size[1]}",
           f"--virtual-time-budget={budget_ms}", f"--screenshot={shot}", "--dump-dom", copy.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=work)
    if proc.returncode != 0 or not shot.exists():
        raise RuntimeError(f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}")
    reader = _ProbeReader()
    reader.feed(proc.stdout)
    probe = json.loads(reader.probe) if reader.probe else {}
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    return PageReport(proc.stdout, shot, probe, console, reader.img_tags, reader.texts)
