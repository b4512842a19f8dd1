"""Section labels as URLs relative to the page being written."""

from __future__ import annotations

from sphinx.application import Sphinx


def section_links(app: Sphinx, fromdoc: str) -> dict[str, tuple[str, str]]:
    """Every section label -> (URL relative to ``fromdoc``, section title)."""
    links = {}
    for label, (docname, anchor, title) in app.env.domaindata["std"]["labels"].items():
        uri = app.builder.get_relative_uri(fromdoc, docname) if docname != fromdoc else ""
        links[label] = (f"{uri}#{anchor}", title)
    return links
