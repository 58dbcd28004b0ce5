"""Sources files (TOML) and durations: parsed exactly, refused with the place of the mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import SourcesFileError
from eventwire.web.feeds import PageMode
from eventwire.web.sources import SourceKind, load_sources, parse_duration, parse_sources

EXAMPLE = """
every = "10m"

[fetch]
min_interval = 2.5
timeout = 15
retries = 3
max_bytes = 2_000_000
respect_robots = true
user_agent = "eventwire/0.1.0 (+https://example.org/team)"
cache_dir = "cache"

[[feeds]]
name = "World"
url = "https://news.example.com/world/rss.xml"
fetch_pages = "always"
max_items = 20
agency = "Example News"

[[feeds]]
name = "Local copy"
url = "feeds/world.atom"
respect_robots = false

[[pages]]
name = "Talks"
url = "https://news.example.com/2024/05/16/talks.html"
"""


def test_the_documented_example(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    config = load_sources(path)
    assert config.every == 600.0
    assert config.fetch.min_interval == 2.5 and config.fetch.read_timeout == 15.0
    assert config.fetch.retries == 3 and config.fetch.max_bytes == 2_000_000
    assert config.fetch.cache_dir == tmp_path / "cache"
    assert config.fetch.agent == "eventwire/0.1.0 (+https://example.org/team)"
    world, local, talks = config.sources
    assert (world.kind, world.fetch_pages, world.max_items) == (
        SourceKind.FEED,
        PageMode.ALWAYS,
        20,
    )
    assert world.agency == "Example News" and world.respect_robots is None and world.is_url
    assert local.location == str(tmp_path / "feeds" / "world.atom") and not local.is_url
    assert local.respect_robots is False
    assert (talks.kind, talks.name) == (SourceKind.PAGE, "Talks")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "lists no sources"),
        ("[[feeds]]\nurl = 'https://a.example/rss'", "needs a name"),
        ("[[feeds]]\nname = 'A'", "needs a url"),
        ("[[feeds]]\nname = 'A'\nurl = 'ftp://a.example/rss'", "not an http(s) URL"),
        ("[[pages]]\nname = 'A'\nurl = 'page.html'", "must be http(s)"),
        ("[[feeds]]\nname = 'A'\nurl = 'https://a/rss'\nfetch_page = 'auto'", "'fetch_page'"),
        ("[[feeds]]\nname = 'A'\nurl = 'https://a/rss'\nfetch_pages = 'some'", "fetch_pages"),
        ("[[feeds]]\nname = 'A'\nurl = 'https://a/rss'\nmax_items = 0", "at least 1"),
        ("every = 'soon'\n[[feeds]]\nname = 'A'\nurl = 'https://a/rss'", "not a duration"),
        ("[fetch]\nretries = -1\n[[feeds]]\nname = 'A'\nurl = 'https://a/rss'", "retries"),
        ("[fetch]\nretries = 'x'\n[[feeds]]\nname = 'A'\nurl = 'https://a/rss'", "whole number"),
        ("[fetch]\nspeed = 1\n[[feeds]]\nname = 'A'\nurl = 'https://a/rss'", "'speed'"),
        (
            "[[feeds]]\nname='A'\nurl='https://a/rss'\n[[feeds]]\nname='B'\nurl='https://a/rss'",
            "twice",
        ),
        ("feeds = 3", "array of tables"),
        ("[[feeds]\nname = 'A'", "not valid TOML"),
    ],
)
def test_mistakes_are_named(text: str, message: str) -> None:
    with pytest.raises(SourcesFileError) as caught:
        parse_sources(text, where="s.toml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("s.toml")
    assert caught.value.code == "E119"


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesFileError, match="cannot read the sources file"):
        load_sources(tmp_path / "nope.toml")


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1).filter(
    lambda s: s.strip() == s and s
)
entries = st.lists(
    st.tuples(
        st.sampled_from(["feeds", "pages"]),
        names,
        st.sampled_from(list(PageMode)),
        st.none() | st.integers(min_value=1, max_value=10_000),
        st.none() | st.booleans(),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=80, deadline=None)
@given(entries)
def test_round_trip_of_any_valid_list(listed) -> None:
    chunks = []
    for number, (table, name, mode, max_items, robots) in enumerate(listed):
        lines = [f"[[{table}]]", f"name = {json.dumps(name, ensure_ascii=False)}"]
        lines.append(f'url = "https://example.org/{table}/{number}"')
        if table == "feeds":
            lines.append(f'fetch_pages = "{mode.value}"')
            if max_items is not None:
                lines.append(f"max_items = {max_items}")
        if robots is not None:
            lines.append(f"respect_robots = {str(robots).lower()}")
        chunks.append("\n".join(lines))
    # every feed first, then pages, each in file order
    config = parse_sources("\n\n".join(chunks))
    expected = [e for e in enumerate(listed) if e[1][0] == "feeds"] + [
        e for e in enumerate(listed) if e[1][0] == "pages"
    ]
    assert len(config.sources) == len(listed)
    for source, (number, (table, name, mode, max_items, robots)) in zip(
        config.sources, expected, strict=True
    ):
        assert source.name == name
        assert source.location == f"https://example.org/{table}/{number}"
        assert source.respect_robots == robots
        if table == "feeds":
            assert (source.fetch_pages, source.max_items) == (mode, max_items)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_or_is_a_sources_file_error(text: str) -> None:
    try:
        config = parse_sources(text)
    except SourcesFileError as error:
        assert str(error).startswith("<sources>: ")
    else:
        assert config.sources


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("15m", 900.0), ("90s", 90.0), ("1h30m", 5400.0), ("1.5h", 5400.0), ("500ms", 0.5),
     ("2d", 172800.0), ("45", 45.0), (" 10 m ", 600.0), (30, 30.0), (0.25, 0.25)],
)  # fmt: skip
def test_durations(text: str | float, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "0m", "m", "15 minutes", "-5m", "1h-", "inf", True])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=10_000), st.sampled_from(["s", "m", "h", "d"])
        ),
        min_size=1,
        max_size=4,
    )
)
def test_duration_sums_its_parts(parts) -> None:
    total = sum(value * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit] for value, unit in parts)
    text = "".join(f"{value}{unit}" for value, unit in parts)
    if total == 0:
        with pytest.raises(ValueError):
            parse_duration(text)
    else:
        assert parse_duration(text) == pytest.approx(total)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_duration_or_a_value_error(text: str) -> None:
    try:
        seconds = parse_duration(text)
    except ValueError as error:
        assert repr(text) in str(error)
    else:
        assert 0 < seconds < float("inf")
