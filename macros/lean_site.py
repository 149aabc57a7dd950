"""MkDocs hook: leave out of the built site the theme files a trainee's browser never asks for."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority


def search_languages(config) -> list[str]:
    """The languages of the search plugin (Material's worker loads lunr files for these only)."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return list(search.config.lang or ["en"]) if search else []


def unused_theme_files(site: Path, languages: list[str]) -> list[Path]:
    """Source maps (read only by developer tools) and lunr language files for languages not searched."""
    unused = sorted(site.glob("assets/**/*.map"))
    lunr = site / "assets" / "javascripts" / "lunr"
    if lunr.is_dir():
        wanted = {f"lunr.{lang}.min.js" for lang in languages if lang != "en"}
        if wanted:
            wanted.add("lunr.stemmer.support.min.js")
        if len(languages) > 1:
            wanted.add("lunr.multi.min.js")
        if "ja" in languages:
            wanted.add("tinyseg.js")
        if "th" in languages:
            wanted.add("wordcut.js")
        unused += sorted(p for p in lunr.rglob("*.js") if p.name not in wanted)
    return unused


@event_priority(-200)        # after Material's offline plugin (-100) has written search_index.js
def on_post_build(config):
    site = Path(config.site_dir)
    for path in unused_theme_files(site, search_languages(config)):
        path.unlink()
    for folder in sorted(site.glob("assets/javascripts/lunr/**/"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
