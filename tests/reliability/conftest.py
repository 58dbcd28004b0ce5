"""A seeded generator of hostile inputs, and the fixtures that write them to disk.

Each :class:`Hostile` is one input file with what may come out of it: how many items the
readers must yield for it (one per file, one per non-blank JSON Lines line or CSV row) and
which outcomes each item may have (``CODED``, or specific error codes). The corpus is the same
for the same seed; ``corpus(seed, n)`` cycles through every kind until it has ``n`` inputs.
"""

from __future__ import annotations

import codecs
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

CODED = "coded"
SEED = 20260601
CORPUS_SIZE = 10_000

_WORDS = tuple(
    " ".join(
        (
            "North Korea said Thursday it would ignore South Korean officials unless Washington",
            "changed its policy . Iran rejected the offer from the United Nations on Monday ,",
            "the foreign ministry said . Police in Manila arrested 40 protesters who had blocked",
            "the road to parliament . Russia and China agreed to hold talks in Beijing next week .",
        )
    ).split(" ")
)
_PUNCT = list(".,;:!?-—–…()[]{}/\\|@#$%^&*_+=~`<>")
_QUOTES = list("\"'“”‘’«»„‟‹›「」『』″′")
_SCRIPTS = (
    "Москва заявила в четверг",  # Cyrillic
    "Η Αθήνα απέρριψε την πρόταση",  # Greek
    "北京周四表示将举行会谈",  # CJK
    "नई दिल्ली ने बातचीत की पेशकश की",  # Devanagari
    "東京は月曜日に抗議した",  # Japanese
    "서울은 목요일에 말했다",  # Hangul
    "ราชการไทยปฏิเสธข้อเสนอ",  # Thai
)
_RTL = (
    "قالت طهران يوم الاثنين إنها رفضت العرض",
    "ירושלים אמרה ביום שלישי כי תחדש את השיחות",
    "کابل روز یکشنبه گفت",
)
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202e")
_COMBINING = ("\u0301", "\u0308", "\u0327", "\u0336", "\u20dd", "\u0489")
_EMOJI = ("🇰🇵", "🇺🇸", "👨‍👩‍👧", "🔥", "💣", "🕊️", "✊🏽", "🤝", "📰", "🚀")
_BAD_DATES = ("2021-02-30", "2021-13-01", "2021-00-10", "2019-02-29", "0000-01-01", "2021-04-31")


@dataclass(frozen=True, slots=True)
class Hostile:
    """One hostile input file and what the pipeline may make of it."""

    kind: str
    name: str
    data: bytes
    items: int  # items the readers must yield for this file
    outcomes: frozenset[str]  # allowed outcome of each item: CODED or error codes


def _sentence(rng: random.Random, words: int = 12) -> str:
    start = rng.randrange(len(_WORDS))
    picked = [_WORDS[(start + i) % len(_WORDS)] for i in range(words)]
    return " ".join(picked).replace(" .", ".").replace(" ,", ",").strip(" .,") + "."


def _body(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(_sentence(rng, rng.randint(6, 18)) for _ in range(sentences))


def _wire(rng: random.Random, body: str | None = None, *, byline: bool = True) -> str:
    day = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    head = f"date {day}\n" + ("By Hyung-jin Kim | Associated Press\n" if byline else "")
    return head + "SEOUL, South Korea " + (body if body is not None else _body(rng)) + "\n"


def _one(kind: str, suffix: str, data: bytes, *outcomes: str, items: int = 1) -> Hostile:
    return Hostile(kind, suffix, data, items, frozenset(outcomes))


# -- kinds: each takes a Random and returns one Hostile (its name is the suffix only) -----------


def _empty(rng: random.Random) -> Hostile:
    return _one("empty", ".txt", b"", "E101")


def _whitespace(rng: random.Random) -> Hostile:
    blank = "".join(
        rng.choice(" \t\n\r\u00a0\u2028\u3000\u200b\f\v") for _ in range(rng.randint(1, 200))
    )
    return _one("whitespace", ".txt", blank.encode("utf-8"), "E101")


def _binary(rng: random.Random) -> Hostile:
    data = bytes(rng.randrange(256) for _ in range(rng.randint(16, 2048)))
    if rng.random() < 0.5:
        data = data[:8] + b"\x00" + data[8:]  # a NUL: binary for sure
        return _one("binary", rng.choice((".txt", ".text")), data, "E102")
    return _one("binary", ".txt", data, "E102", "E103")


def _controls(rng: random.Random) -> Hostile:
    data = bytes(rng.randrange(1, 32) for _ in range(rng.randint(50, 500)))
    return _one("control_bytes", ".txt", data, "E102")


def _truncated_utf8(rng: random.Random) -> Hostile:
    text = _wire(rng, _body(rng) + " Pyongyang’s envoy — in Zürich — said “no”.")
    data = text.encode("utf-8")
    starts = [i for i, byte in enumerate(data) if byte >= 0xC0]
    cut = rng.choice(starts) + 1  # inside a multi-byte character
    return _one("truncated_utf8", ".txt", data[:cut], "E103")


def _latin1(rng: random.Random) -> Hostile:
    text = _wire(rng, _body(rng) + " Le président a déclaré à Genève: « non ». Señor Muñoz.")
    return _one("latin1", ".txt", text.encode("latin-1"), "E103")


def _utf16_bom(rng: random.Random) -> Hostile:
    bom, codec = rng.choice(
        ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
    )
    return _one("utf16_bom", ".txt", bom + _wire(rng).encode(codec), CODED)


def _utf16_no_bom(rng: random.Random) -> Hostile:
    codec = rng.choice(("utf-16-le", "utf-16-be"))
    return _one("utf16_no_bom", ".txt", _wire(rng).encode(codec), "E102")


def _utf8_bom(rng: random.Random) -> Hostile:
    return _one("utf8_bom", ".txt", codecs.BOM_UTF8 + _wire(rng).encode("utf-8"), CODED)


def _nul_bytes(rng: random.Random) -> Hostile:
    data = bytearray(_wire(rng).encode("utf-8"))
    for _ in range(rng.randint(1, 5)):
        data.insert(rng.randrange(len(data) + 1), 0)
    return _one("nul_bytes", ".txt", bytes(data), "E102")


def _only_punctuation(rng: random.Random) -> Hostile:
    junk = "".join(rng.choice([*_PUNCT, " ", "\n"]) for _ in range(rng.randint(1, 400)))
    return _one("only_punctuation", ".txt", _wire(rng, "." + junk).encode(), CODED)


def _only_quotes(rng: random.Random) -> Hostile:
    junk = "".join(rng.choice([*_QUOTES, " "]) for _ in range(rng.randint(1, 300)))
    return _one("only_quotes", ".txt", _wire(rng, junk).encode(), CODED)


def _mixed_scripts(rng: random.Random) -> Hostile:
    parts = [rng.choice(_SCRIPTS) for _ in range(rng.randint(1, 6))] + [_sentence(rng)]
    rng.shuffle(parts)
    return _one("mixed_scripts", ".txt", _wire(rng, " ".join(parts) + ".").encode(), CODED)


def _rtl(rng: random.Random) -> Hostile:
    parts = [rng.choice(_RTL), rng.choice(("\u202b", "\u202e", "\u200f", "")), _sentence(rng)]
    rng.shuffle(parts)
    return _one("rtl", ".txt", _wire(rng, " ".join(parts)).encode(), CODED)


def _invisible(rng: random.Random) -> Hostile:
    chars = list(_body(rng))
    for _ in range(rng.randint(1, 40)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(_INVISIBLE + _COMBINING))
    return _one("zero_width_combining", ".txt", _wire(rng, "".join(chars)).encode(), CODED)


def _emoji(rng: random.Random) -> Hostile:
    words = _body(rng).split()
    for _ in range(rng.randint(1, 20)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(_EMOJI))
    return _one("emoji", ".txt", _wire(rng, " ".join(words)).encode(), CODED)


def _bad_date(rng: random.Random) -> Hostile:
    text = f"date {rng.choice(_BAD_DATES)}\nBy A. Reporter | Reuters\n{_body(rng)}\n"
    return _one("bad_date_header", ".txt", text.encode(), "E104")


def _missing_byline(rng: random.Random) -> Hostile:
    return _one("missing_byline", ".txt", _wire(rng, byline=False).encode(), CODED)


def _missing_date(rng: random.Random) -> Hostile:
    text = rng.choice(("", "By A. Reporter | AFP\n", "date \n", "date yesterday\n")) + _body(rng)
    return _one("missing_date", ".txt", text.encode(), "E105")


def _valid(rng: random.Random) -> Hostile:
    return _one("valid", ".txt", _wire(rng, _body(rng, rng.randint(1, 6))).encode(), CODED)


def _jsonl(rng: random.Random) -> Hostile:
    good = lambda: json.dumps({"date": "2021-03-18", "text": _body(rng)})  # noqa: E731
    bad_lines: list[tuple[str, str]] = [
        ('{"date": "2021-03-18", "text": "unterminated', "E106"),
        ('{"date": "2021-02-30", "text": "Iran met Iraq."}', "E106"),
        ('{"date": "2021-03-18"}', "E106"),
        ('{"date": "2021-03-18", "text": 42}', "E106"),
        ('["not", "an", "object"]', "E106"),
        ("12345", "E106"),
        ('{"date": "2021-03-18", "text": "Iran met Iraq.", "id": {"x": 1}}', "E106"),
        ('{"date": "2021-03-18", "text": "   "}', "E101"),
        ("null", "E106"),
        ("{'single': 'quotes'}", "E106"),
    ]
    lines: list[str] = [good()]
    outcomes: set[str] = {CODED}
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.4:
            lines.append(good())
        else:
            line, code = rng.choice(bad_lines)
            lines.append(line)
            outcomes.add(code)
    data = "\n".join(lines).encode() + rng.choice((b"\n", b"\n\n", b""))
    if rng.random() < 0.2:  # a line that is not UTF-8 fails alone
        data = data.rstrip(b"\n") + b'\n{"date": "2021-03-18", "text": "Caf\xe9 talks"}\n'
        lines.append("latin-1")
        outcomes.add("E103")
    return Hostile("malformed_jsonl", ".jsonl", data, len(lines), frozenset(outcomes | {"E101"}))


def _jsonl_array(rng: random.Random) -> Hostile:
    data = json.dumps([{"date": "2021-03-18", "text": _body(rng)}], indent=rng.choice((None, 2)))
    return _one("jsonl_array", ".jsonl", data.encode(), "E106")


def _csv(rng: random.Random) -> Hostile:
    rows = ["id,date,text"]
    outcomes: set[str] = set()
    broken = (
        ('{n},2021-03-18,"bad"quote', "E106"),
        ("{n},2021-03-18,too,many,fields", "E106"),
        ("{n},2021-03-18", "E106"),
        ('{n},2021-03-18,"nul\x00inside"', "E102"),
        ("{n},2021-02-30,Iran met Iraq.", "E106"),
        ('{n},2021-03-18,"   "', "E101"),
    )
    count = rng.randint(1, 8)
    for n in range(count):
        if rng.random() < 0.5:
            rows.append(f'{n},2021-03-18,"{_body(rng)}"')
            outcomes.add(CODED)
        else:
            row, code = rng.choice(broken)
            rows.append(row.format(n=n))
            outcomes.add(code)
    if rng.random() < 0.3:  # an unclosed quote swallows the rest: only ever as the last row
        rows.append(f'{count},2021-03-18,"unclosed {_sentence(rng)}')
        outcomes.add("E106")
    return Hostile(
        "csv_broken_quoting",
        ".csv",
        "\n".join(rows).encode() + b"\n",
        len(rows) - 1,
        frozenset(outcomes),
    )


def _duplicate_ids(rng: random.Random) -> Hostile:
    """A JSON Lines file whose records share an id (and sometimes their text)."""
    text = _body(rng)
    lines = [
        json.dumps({"id": "dup-1", "date": "2021-03-18", "text": rng.choice((text, _body(rng)))})
        for _ in range(rng.randint(2, 5))
    ]
    return Hostile(
        "duplicate_ids", ".jsonl", "\n".join(lines).encode(), len(lines), frozenset({CODED})
    )


KINDS: tuple[Callable[[random.Random], Hostile], ...] = (
    _empty, _whitespace, _binary, _controls, _truncated_utf8, _latin1, _utf16_bom,
    _utf16_no_bom, _utf8_bom, _nul_bytes, _only_punctuation, _only_quotes, _mixed_scripts,
    _rtl, _invisible, _emoji, _bad_date, _missing_byline, _missing_date, _valid, _jsonl,
    _jsonl_array, _csv, _duplicate_ids,
)  # fmt: skip


def corpus(seed: int, size: int) -> list[Hostile]:
    """``size`` hostile inputs, every kind in turn, each drawn from one seeded generator."""
    rng = random.Random(seed)
    made: list[Hostile] = []
    for n in range(size):
        item = KINDS[n % len(KINDS)](rng)
        made.append(
            Hostile(
                item.kind, f"{n:05d}-{item.kind}{item.name}", item.data, item.items, item.outcomes
            )
        )
    # the same article in several files: one article id, stored once
    duplicate = _valid(rng).data
    for n in range(3):
        made.append(_one("duplicate_file", f"dup-{n}.txt", duplicate, CODED))
    return made


def write_corpus(folder: Path, inputs: list[Hostile]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for item in inputs:
        (folder / item.name).write_bytes(item.data)


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Hostile]]:
    inputs = corpus(SEED, CORPUS_SIZE)
    folder = tmp_path_factory.mktemp("hostile")
    write_corpus(folder, inputs)
    return folder, inputs
