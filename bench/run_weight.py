"""Page weight (bytes as sent, compressed) and Lighthouse scores for `make bench`."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess

from run_common import LIGHTHOUSE, WORK, fetch

ASSET_PATTERNS = {
    "css": re.compile(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"'),
    "js": re.compile(r'<script[^>]+src="([^"]+)"'),
    "img": re.compile(r'<(?:img|source)[^>]+(?:src|srcset)="([^" ,]+)'),
}


def page_weight(base: str, path: str) -> dict:
    accept = {"Accept-Encoding": "br, gzip"}
    fetch(
        base + path, accept
    )  # the first visit after a change renders; the next is the shared copy
    _status, headers, body = fetch(base + path, accept)
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    weight = {"html": len(body), "html_raw": len(html), "css": 0, "js": 0, "img": 0}
    text = html.decode("utf-8", "replace")
    for kind, pattern in ASSET_PATTERNS.items():
        for url in sorted(set(pattern.findall(text))):
            if not url.startswith("/"):
                continue  # no third-party requests exist; anything else is not ours to weigh
            _status, _headers, asset = fetch(base + url, accept)
            weight[kind] += len(asset)
    weight["before_images"] = weight["html"] + weight["css"] + weight["js"]
    return weight


def lighthouse(url: str, name: str) -> dict | None:
    if not LIGHTHOUSE.exists():
        return None
    output = WORK / f"lighthouse-{name}.json"
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless --no-sandbox --disable-gpu",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    if result.returncode != 0 or not output.exists():
        return {"error": (result.stderr or "no report").strip().splitlines()[-1][:120]}
    report = json.loads(output.read_text())
    return {key: round(value["score"] * 100) for key, value in report["categories"].items()}
