"""Where the API token comes from, and what an unusable one says."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import ApiTokenError
from eventwire.serve.auth import TOKEN_ENV, load_token

GOOD = "0123456789abcdefXYZ"


def test_no_token_means_writes_stay_off() -> None:
    assert load_token(token_file=None, environ={}) is None
    assert load_token(token_file=None, environ={TOKEN_ENV: "  "}) is None


def test_the_token_comes_from_the_environment_or_a_file(tmp_path: Path) -> None:
    assert load_token(token_file=None, environ={TOKEN_ENV: f" {GOOD}\n"}) == GOOD
    path = tmp_path / "token"
    path.write_text(f"{GOOD}\nignored\n", encoding="utf-8")
    assert load_token(token_file=path, environ={TOKEN_ENV: "other-token-0123456789"}) == GOOD


def test_unusable_tokens_are_refused_with_advice(tmp_path: Path) -> None:
    with pytest.raises(ApiTokenError, match="use at least 16 random"):
        load_token(token_file=None, environ={TOKEN_ENV: "short"})
    with pytest.raises(ApiTokenError, match="cannot read the API token file"):
        load_token(token_file=tmp_path / "missing", environ={})
    empty = tmp_path / "empty"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ApiTokenError, match="0 characters"):
        load_token(token_file=empty, environ={})
