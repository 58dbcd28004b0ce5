"""Hard-wrapped text: lines broken at a fixed width, not at the end of paragraphs.

Older wire archives, e-mail and many plain-text exports (Reuters-21578, for one) break every
line at 60-80 characters and mark paragraphs by a blank line or an indented first line:

    The Stock Exchange of Singapore (SES)
    plans to introduce electronic trading of shares listed on the
    ...
        The SES is discussing the idea with the London and New York

In such a text a line break is no paragraph break, and a sentence may run over several lines.
:func:`hard_wrapped` tells such a text from one whose lines are paragraphs (a headline, then
one paragraph per line, as web pages and feeds give them); :func:`unwrap` joins its lines
into paragraphs before parsing, keeping every character offset.
"""

from __future__ import annotations

import itertools

# Lines of a hard-wrapped text: at least this many, most of them this long, none longer.
MIN_LINES = 4
MIN_WRAPPED_SHARE = 0.7
WRAP_WIDTH = range(35, 101)
MAX_LINE = 100


def hard_wrapped(text: str) -> bool:
    """Is the text hard-wrapped: at least :data:`MIN_LINES` lines of text, none longer than
    :data:`MAX_LINE` characters, and of the lines followed by another line of the same
    paragraph at least :data:`MIN_WRAPPED_SHARE` of width :data:`WRAP_WIDTH`?"""
    lines = [line.rstrip() for line in text.split("\n")]
    filled = [line for line in lines if line.strip()]
    if len(filled) < MIN_LINES or any(len(line) > MAX_LINE for line in filled):
        return False
    continued = [
        line
        for line, following in itertools.pairwise(lines)
        if line.strip() and following.strip() and not following[:1].isspace()
    ]
    if not continued:
        return False
    wrapped = sum(1 for line in continued if len(line) in WRAP_WIDTH)
    return wrapped / len(continued) >= MIN_WRAPPED_SHARE


def unwrap(text: str) -> str:
    """The text with every line break inside a paragraph made a space, keeping its length (a
    character offset into the result is one into ``text``). A line break stays where a
    blank line or an indented line follows, or a blank line precedes."""
    chars = list(text)
    for index, char in enumerate(chars):
        if char != "\n":
            continue
        following = text[index + 1 : index + 2]
        previous = text[index - 1 : index] if index else "\n"
        if following not in ("\n", " ", "\t", "") and previous != "\n":
            chars[index] = " "
    return "".join(chars)
