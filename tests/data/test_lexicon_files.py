"""Validate the coding knowledge TSV files: triggers, support verbs and CAMEO roots."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from importlib.resources import files

import pytest

VERSION = "2026.11.4"

TRIGGER_COLUMNS = ("lemma", "pos", "with", "type", "mode", "cameo", "flags")
SUPPORT_COLUMNS = ("lemma", "note")
ROOT_COLUMNS = ("root", "name", "goldstein", "plover_default", "quad")

# PLOVER types in manual order, each with the modes its manual section defines.
PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset(
        {
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        }
    ),
}
TYPE_ORDER = tuple(PLOVER_MODES)
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
FLAGS = frozenset({"reciprocal", "intent", "nominal", "weak", "state", "joint", "receipt"})
# dobj:@ACTOR: the object is an actor, not a thing (no PLOVER type)
ACTOR_OBJECT = "ACTOR"
CENSURE_PREDICATE = "CENSURE"
WITH_RE = re.compile(
    r"(?:(?:prt|prep|dobj|compound|pred):[a-z][a-z-]*|dobj:@[A-Z]+|prep:[a-z]+@[A-Z]+"
    r"|prep:[a-z]+=[a-z][a-z-]*|xcomp|xcomp:@ACTOR|pred:@CENSURE)"
)
CAMEO_RE = re.compile(r"\d{2,4}")
LEMMA_RE = re.compile(r"[a-z][a-z-]*")

# Exceptions to the CAMEO-to-PLOVER table that triggers.tsv documents in its header.
DOCUMENTED_EXCEPTIONS = {"016": "REJECT", "0831": "RETREAT", "116": "SANCTION", "163": "SANCTION"}

# Verbs that negate, cancel, promise or demand an event must never pass it on unchanged.
NOT_SUPPORT_VERBS = frozenset(
    {"lift", "end", "halt", "suspend", "cancel", "postpone", "reject", "deny", "refuse"}
    | {"threaten", "offer", "propose", "seek", "demand", "urge", "plan", "say", "tell"}
)


def cameo_types(code: str) -> frozenset[str]:
    """PLOVER types a CAMEO code maps to (CAMEO2PLOVER, 2021, plus the documented exceptions)."""
    found: set[str] = set()
    if code in DOCUMENTED_EXCEPTIONS:
        found.add(DOCUMENTED_EXCEPTIONS[code])
    root, three = code[:2], code[:3]
    if root == "02":
        found.add("REQUEST")
    elif root == "08":
        concede = three in {"080", "081", "082", "083"} and code not in {"0813", "0814"}
        found.add("CONCEDE" if concede else "RETREAT")
    elif three == "163":
        found.add("COERCE")
    elif code == "1712" or three == "175":
        found.add("ASSAULT")
    elif three in {"191", "192"}:
        found.add("COERCE")
    elif root != "01":
        found.add(
            {
                "03": "AGREE",
                "04": "CONSULT",
                "05": "SUPPORT",
                "06": "COOPERATE",
                "07": "AID",
                "09": "ACCUSE",
                "10": "REQUEST",
                "11": "ACCUSE",
                "12": "REJECT",
                "13": "THREATEN",
                "14": "PROTEST",
                "15": "MOBILIZE",
                "16": "SANCTION",
                "17": "COERCE",
                "18": "ASSAULT",
                "19": "ASSAULT",
                "20": "ASSAULT",
            }[root]
        )
    return frozenset(found)


@cache
def read_text(name: str) -> str:
    return (files("eventwire") / "data" / name).read_text(encoding="utf-8")


@cache
def read_rows(name: str) -> tuple[tuple[str, ...], tuple[tuple[int, dict[str, str]], ...]]:
    """The header and (line number, row) pairs of a data file, checking cell counts."""
    header: tuple[str, ...] = ()
    rows: list[tuple[int, dict[str, str]]] = []
    for lineno, line in enumerate(read_text(name).splitlines(), start=1):
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = tuple(cells)
            continue
        assert len(cells) == len(header), f"{name}:{lineno}: {len(cells)} cells: {line!r}"
        assert cells == [c.strip() for c in cells], f"{name}:{lineno}: stray spaces"
        rows.append((lineno, dict(zip(header, cells, strict=True))))
    return header, tuple(rows)


def triggers() -> tuple[tuple[int, dict[str, str]], ...]:
    return read_rows("triggers.tsv")[1]


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("triggers.tsv", TRIGGER_COLUMNS),
        ("support_verbs.tsv", SUPPORT_COLUMNS),
        ("cameo_roots.tsv", ROOT_COLUMNS),
    ],
)
def test_comment_block_version_and_header(name: str, columns: tuple[str, ...]) -> None:
    lines = read_text(name).splitlines()
    block = []
    for line in lines:
        if not line.startswith("#"):
            break
        block.append(line)
    assert block, f"{name} must start with a comment block"
    assert all(line.startswith("# ") for line in block), f"{name}: comment lines start '# '"
    assert f"# version: {VERSION}" in block
    assert lines[len(block)].split("\t") == list(columns)
    assert not any(line.startswith("#") for line in lines[len(block) :]), "comments on top only"
    assert all(line.strip() for line in lines), f"{name} has blank lines"
    assert read_rows(name)[1], f"{name} has no rows"


def test_trigger_cells_are_well_formed() -> None:
    problems = []
    for lineno, row in triggers():
        where = f"triggers.tsv:{lineno} {row['lemma']}"
        if not LEMMA_RE.fullmatch(row["lemma"]):
            problems.append(f"{where}: lemma must be lower-case letters")
        if row["pos"] not in {"VERB", "NOUN"}:
            problems.append(f"{where}: pos {row['pos']!r}")
        if row["with"] and not WITH_RE.fullmatch(row["with"]):
            problems.append(f"{where}: with {row['with']!r}")
        typed = row["with"].partition("@")[2]
        known = typed in PLOVER_MODES or typed in (ACTOR_OBJECT, CENSURE_PREDICATE)
        if "@" in row["with"] and not known:
            problems.append(f"{where}: {row['with']!r} names no PLOVER type, ACTOR nor CENSURE")
        if row["with"].startswith("prt:") and row["pos"] != "VERB":
            problems.append(f"{where}: only verbs have particles")
        if row["type"] not in PLOVER_MODES:
            problems.append(f"{where}: type {row['type']!r}")
        elif row["mode"] and row["mode"] not in PLOVER_MODES[row["type"]]:
            problems.append(f"{where}: mode {row['mode']!r} is not a {row['type']} mode")
        flags = row["flags"].split(",") if row["flags"] else []
        if set(flags) - FLAGS or len(set(flags)) != len(flags):
            problems.append(f"{where}: flags {row['flags']!r}")
        if (row["pos"] == "NOUN") != ("nominal" in flags):
            problems.append(f"{where}: NOUN rows, and only they, are flagged nominal")
    assert not problems, "\n".join(problems)


def test_cameo_codes_fit_their_types() -> None:
    problems = []
    for lineno, row in triggers():
        code = row["cameo"]
        where = f"triggers.tsv:{lineno} {row['lemma']} {row['with']}".rstrip()
        if not CAMEO_RE.fullmatch(code) or not 1 <= int(code[:2]) <= 20:
            problems.append(f"{where}: CAMEO code {code!r}")
        elif row["type"] not in cameo_types(code):
            problems.append(f"{where}: CAMEO {code} is not a {row['type']} code")
    assert not problems, "\n".join(problems)


def test_no_duplicate_trigger_keys() -> None:
    keys = Counter((r["lemma"], r["pos"], r["with"]) for _, r in triggers())
    assert not [k for k, n in keys.items() if n > 1]


def test_triggers_sorted_by_type_then_lemma() -> None:
    keys = [
        (TYPE_ORDER.index(r["type"]), r["lemma"], r["pos"], r["with"])
        for _, r in triggers()
        if r["type"] in TYPE_ORDER
    ]
    assert keys == sorted(keys)


def test_every_type_has_enough_rows() -> None:
    counts = Counter(r["type"] for _, r in triggers())
    assert {t: counts[t] for t in TYPE_ORDER if counts[t] < 8} == {}


def test_speech_verbs_are_not_triggers() -> None:
    # only saying that something is a word of blame is an event ("said the vote was a sham")
    reporting = {"say", "tell", "add", "state", "note", "report", "announce"}
    rows = [(r["lemma"], r["with"]) for _, r in triggers() if r["lemma"] in reporting]
    assert rows == [("say", "pred:@CENSURE")]


def test_intent_rows_are_verbal_types() -> None:
    verbal = {"AGREE", "REQUEST", "REJECT", "THREATEN"}
    bad = [(r["lemma"], r["type"]) for _, r in triggers() if "intent" in r["flags"].split(",")]
    assert [b for b in bad if b[1] not in verbal] == []


def test_support_verbs() -> None:
    _, rows = read_rows("support_verbs.tsv")
    lemmas = [row["lemma"] for _, row in rows]
    assert all(LEMMA_RE.fullmatch(lemma) for lemma in lemmas)
    assert len(lemmas) == len(set(lemmas))
    assert lemmas == sorted(lemmas)
    assert all(row["note"] for _, row in rows)
    assert not set(lemmas) & NOT_SUPPORT_VERBS
    assert len(lemmas) >= 30


def test_cameo_roots() -> None:
    _, rows = read_rows("cameo_roots.tsv")
    assert [row["root"] for _, row in rows] == [f"{n:02d}" for n in range(1, 21)]
    for _, row in rows:
        assert row["name"] == row["name"].upper() and row["name"]
        assert -10.0 <= float(row["goldstein"]) <= 10.0
        default = row["plover_default"]
        if default:
            assert default in PLOVER_MODES
            assert default in cameo_types(row["root"] + "0"), row
            assert int(row["quad"]) == QUAD[default]
        else:
            assert row["root"] == "01" and row["quad"] == "0"
    scores = {row["root"]: float(row["goldstein"]) for _, row in rows}
    assert scores["01"] == 0.0 and scores["18"] == -9.0 and scores["19"] == -10.0


def test_loaders_read_the_files() -> None:
    from eventwire.knowledge.lexicon import load_lexicon
    from eventwire.knowledge.ontology import QUAD_CLASS, load_ontology

    lexicon = load_lexicon()
    assert lexicon.version == VERSION
    assert "hold" in lexicon.support_verbs
    imposed = lexicon.candidates("impose", "VERB")
    first = imposed[0]  # named objects first (impose + duties, sanctions, curfew ...)
    assert (first.with_dep, first.type) == ("dobj", "SANCTION")
    assert ("dobj", "sanction", "SANCTION") in {(e.with_dep, e.with_lemma, e.type) for e in imposed}
    assert lexicon.candidates("talk", "NOUN")[0].type == "CONSULT"

    ontology = load_ontology()
    assert ontology.version == VERSION
    assert ontology.goldstein("0311") == 4.0
    assert ontology.goldstein("190") == -10.0
    assert dict(QUAD_CLASS) == QUAD
