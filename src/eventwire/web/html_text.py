"""Plain text of an HTML fragment (a feed item's content): paragraphs on their own lines."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "header", "footer", "tr", "table", "pre", "figure", "figcaption", "hr",
})  # fmt: skip
_SKIPPED = frozenset({"script", "style", "noscript", "template", "iframe", "svg"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[]]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.lines.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.lines.append([])

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.lines[-1].append(data)


def html_to_text(fragment: str) -> str:
    """Text of ``fragment``: block elements become line breaks, runs of spaces one space."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join("".join(parts).split()) for parts in collector.lines)
    return "\n".join(line for line in lines if line)
