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
}
PICTURE = re.compile(r"<picture>(.*?)</picture>", re.S)
AVIF_SOURCE = re.compile(r'<source[^>]*srcset="([^"]+)"[^>]*type="image/avif"')
SIZES = re.compile(r'sizes="([^"]+)"')
PLAIN_IMG = re.compile(r'<img[^>]+src="([^"]+)"')
VIEWPORT = 1280  # a laptop, 1x density: the width a browser picks candidates for


def _display_width(sizes: str) -> float:
    """The width `sizes` gives at the bench's viewport (its media conditions are min-widths)."""
    for entry in sizes.split(","):
        entry = entry.strip()
        condition = re.match(r"\(min-width:\s*([\d.]+)rem\)\s*(.+)", entry)
        if condition and float(condition.group(1)) * 16 > VIEWPORT:
            continue
        length = condition.group(2) if condition else entry
        number = float(re.match(r"[\d.]+", length).group(0))
        return (
            number * 16
            if length.endswith("rem")
            else number * VIEWPORT / 100
            if length.endswith("vw")
            else number
        )
    return VIEWPORT


def image_urls(html: str) -> list[str]:
    """What a browser with AVIF support loads at 1x (scrolled to the end, lazy images too): per
    <picture> the smallest AVIF candidate at least as wide as it is shown; other <img> as they are."""
    urls = []
    for picture in PICTURE.findall(html):
        source = AVIF_SOURCE.search(picture)
        if source is None:
            urls.extend(PLAIN_IMG.findall(picture))
            continue
        sizes = SIZES.search(picture)
        wanted = _display_width(sizes.group(1)) if sizes else VIEWPORT
        candidates = sorted(
            (int(width), url) for url, width in re.findall(r"(\S+) (\d+)w", source.group(1))
        )
        fitting = [url for width, url in candidates if width >= wanted]
        urls.append(fitting[0] if fitting else candidates[-1][1])
    urls.extend(PLAIN_IMG.findall(PICTURE.sub("", html)))
    return urls


def page_weight(base: str, path: str) -> dict:
    accept = {"Accept-Encoding": "br, gzip"}
    # The first visit after a change renders; the next is the shared copy.
    fetch(base + path, accept)
    _status, headers, body = fetch(base + path, accept)
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    weight = {"html": len(body), "html_raw": len(html), "css": 0, "js": 0, "img": 0}
    text = html.decode("utf-8", "replace")
    found = {kind: pattern.findall(text) for kind, pattern in ASSET_PATTERNS.items()}
    found["img"] = image_urls(text)
    for kind, urls in found.items():
        for url in sorted(set(urls)):
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
