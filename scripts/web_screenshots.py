"""Screenshots of the web explorer for docs/web.md: the home page, the largest cluster and the most
shared anchor partner, served from a store (the demo's, by default) and taken with headless Chromium.

    python scripts/web_screenshots.py --home /tmp/demo-home --out docs/img

Run ``aikg demo --home DIR`` first. Chromium resolves no host but 127.0.0.1 while it runs.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aikg.graph.store import open_store  # noqa: E402
from aikg.queries.catalog import run_query  # noqa: E402
from aikg.web import create_app  # noqa: E402
from tests.browser import CHROMIUM_FLAGS, find_chromium  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pages(store) -> dict[str, str]:
    """name -> path: home, the cluster with most organisations, the partner shared by most pairs."""
    clusters = run_query(store, "cluster_overview", {"limit": 1})
    pairs = run_query(store, "clusters_sharing_partners", {})
    out = {"web-home": "/"}
    if not clusters.empty:
        out["web-cluster"] = "/cluster/" + quote(clusters.iloc[0]["cluster"], safe="")
    if not pairs.empty:
        counts: dict[str, int] = {}
        for ids in pairs["shared_partner_ids"]:
            for i in ids:
                counts[i] = counts.get(i, 0) + 1
        out["web-entity"] = "/entity/" + quote(max(sorted(counts), key=counts.__getitem__), safe="")
    return out


def shoot(url: str, target: Path, size: tuple[int, int]) -> None:
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("no Chromium found (install Debian 'chromium', or set AIKG_CHROMIUM)")
    with tempfile.TemporaryDirectory() as work:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={work}/profile", f"--window-size={size[0]},{size[1]}",
               "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--virtual-time-budget=3000",
               f"--screenshot={work}/shot.png", url]
        subprocess.run(cmd, capture_output=True, timeout=120, check=True)
        shutil.copyfile(f"{work}/shot.png", target)


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="data directory of the store (e.g. the demo's)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    store = open_store("embedded", home=args.home)
    try:
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        for name, path in pages(store).items():
            target = args.out / f"{name}.png"
            shoot(f"http://127.0.0.1:{port}{path}", target, (args.width, args.height))
            print(f"{target}  <- {path}")
        server.should_exit = True
        thread.join(10)
    finally:
        store.close()


if __name__ == "__main__":
    main()
