"""Every sources-file setting, web error code and watch option is documented."""

from __future__ import annotations

import inspect
from pathlib import Path

from eventwire import errors
from eventwire.cli.watch_cmd import watch
from eventwire.web import sources

ROOT = Path(__file__).resolve().parents[2]


def test_sources_settings_and_error_codes_are_in_docs_web() -> None:
    docs = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    keys = set(sources._FETCH_KEYS) | sources._SOURCE_KEYS | sources._TOP_KEYS
    for key in sorted(keys):
        assert f"`{key}`" in docs or f"[{key}]" in docs or f"[[{key}]]" in docs, key
    web_errors = [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.WebInputError | errors.SourcesFileError)
    ]
    assert len(web_errors) == 10
    for cls in web_errors:
        assert f"`{cls.code}`" in docs, cls.__name__


def test_watch_options_are_documented() -> None:
    docs = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "eventwire watch" in readme and "docs/web.md" in readme
    for option in ("--every", "--db", "--once", "--cache-dir"):
        assert option in docs, option
        assert option in inspect.getsource(watch), option
