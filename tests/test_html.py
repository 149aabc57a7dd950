"""Checks on the built HTML: every page is well-formed for readers and loads nothing from outside."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup

# Attributes through which an element makes the browser fetch something.
LOADING_ATTRS = {"script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "source": ["src", "srcset"],
                 "audio": ["src"], "video": ["src", "poster"], "embed": ["src"], "object": ["data"],
                 "track": ["src"], "input": ["src"]}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
CSS_IMPORT = re.compile(r"@import\s+['\"]([^'\"]+)")


def external(url: str) -> bool:
    """True for anything that would leave the site: another scheme/host, or protocol-relative."""
    url = url.strip()
    if url.startswith("//"):
        return True
    scheme = urlparse(url).scheme
    return scheme not in ("", "data", "blob", "about")


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_has_one_h1_a_title_and_a_language(pages, site):
    assert len(pages) >= 7
    for path in pages:
        soup = soup_of(path)
        name = path.relative_to(site)
        assert len(soup.find_all("h1")) == 1, f"{name}: expected exactly one h1"
        assert soup.title and soup.title.get_text(strip=True), f"{name}: no <title>"
        assert soup.html.get("lang") == "en", f"{name}: no lang on <html>"


def test_no_element_loads_anything_from_outside_the_site(site):
    offenders = []
    for path in site.rglob("*.html"):
        soup = soup_of(path)
        for tag, attrs in LOADING_ATTRS.items():
            for el in soup.find_all(tag):
                for attr in attrs:
                    for url in re.split(r",\s*", el.get(attr) or ""):
                        if url and external(url.split()[0]):
                            offenders.append(f"{path.relative_to(site)}: <{tag} {attr}={url}>")
        for link in soup.find_all("link"):
            rel = set(link.get("rel") or [])
            if rel & {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon", "modulepreload",
                      "manifest", "apple-touch-icon"} and external(link.get("href", "")):
                offenders.append(f"{path.relative_to(site)}: <link rel={sorted(rel)} href={link.get('href')}>")
        for style in [s.get_text() for s in soup.find_all("style")] + [el["style"] for el in soup.select("[style]")]:
            offenders += [f"{path.relative_to(site)}: CSS url({u})" for u in CSS_URL.findall(style) if external(u)]
    assert offenders == []


def test_no_stylesheet_loads_anything_from_outside_the_site(site):
    offenders = []
    for path in site.rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        urls = CSS_URL.findall(css) + CSS_IMPORT.findall(css)
        offenders += [f"{path.relative_to(site)}: {u}" for u in urls if external(u) and not u.startswith("http://www.w3.org/2000/svg")]
    assert offenders == []


def test_no_font_host_or_cdn_is_named_in_pages_or_our_scripts(site):
    hosts = ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "cdn.jsdelivr", "googletagmanager", "google-analytics")
    # Material's bundle names a CDN for polyfills that modern browsers never need; the browser tests
    # prove no such request is made. Our own scripts and every page must not name one at all.
    ours = list(site.rglob("*.html")) + [p for p in (site / "assets" / "javascripts").glob("*.js")
                                         if ".min." not in p.name]
    for path in ours:
        text = path.read_text(encoding="utf-8")
        for host in hosts:
            assert host not in text, f"{path.relative_to(site)} names {host}"


def test_search_index_is_inlined_for_file_urls(site):
    # Material's offline plugin turns the index into a script, which works from file://.
    assert (site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")


def test_checkboxes_all_have_labels(pages):
    for path in pages:
        soup = soup_of(path)
        for box in soup.select("input[type=checkbox]"):
            if "md-toggle" in (box.get("class") or []) or box.get("id", "").startswith("__"):
                continue        # Material's own hidden navigation toggles
            assert soup.select_one(f'label[for="{box["id"]}"]'), f"{path.name}: checkbox {box.get('id')} has no label"
