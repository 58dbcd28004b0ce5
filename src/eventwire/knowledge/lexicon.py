"""The trigger lexicon: verbs and event nouns mapped to PLOVER type, mode and CAMEO code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from eventwire.errors import LexiconError
from eventwire.knowledge.ontology import PLOVER_TYPES
from eventwire.knowledge.tsv import read_table

TRIGGERS_FILE = "triggers.tsv"
SUPPORT_VERBS_FILE = "support_verbs.tsv"
WITH_KINDS = frozenset({"prt", "prep", "dobj", "compound", "xcomp", "pred"})
FLAGS = frozenset({"reciprocal", "intent", "nominal", "weak", "state", "joint", "receipt"})
# dobj:@ACTOR, prep:at@ACTOR: the object is an actor (a person, group, country or
# organisation), not a thing ("received the minister", not "received 3 percent of the vote")
ACTOR_OBJECT = "ACTOR"
# pred:@CENSURE: a predicate that is a word of blame ("called the move illegal")
CENSURE_PREDICATE = "CENSURE"


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon row. ``with_dep``/``with_lemma`` name a dependent the row requires."""

    lemma: str
    pos: str
    with_dep: str
    with_lemma: str
    type: str
    mode: str
    cameo: str
    flags: frozenset[str]
    line: int
    rule: str = ""
    source: str = ""  # an imported entry's origin: ``FILE:LINE pattern of BLOCK``

    @property
    def label(self) -> str:
        """Readable identity for explanations: ``triggers.tsv:42 take+dobj:issue``."""
        if self.rule:
            return f"grammar rule: {self.rule}"
        if self.source:
            return f"imported verb dictionary {self.source}"
        extra = f"+{self.with_dep}:{self.with_lemma}" if self.with_dep else ""
        return f"{TRIGGERS_FILE}:{self.line} {self.lemma}{extra} ({self.pos})"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger entries by (lemma, pos), most specific first, plus the support verbs.

    ``actor_words`` are the lower-case role and group nouns and titles ("police", "foreign
    minister", "rebels") whose phrase is an actor for ``@ACTOR`` requirements; the coder
    gives the gazetteer's agent words (:meth:`with_actor_words`).
    """

    entries: Mapping[tuple[str, str], tuple[TriggerEntry, ...]]
    support_verbs: frozenset[str]
    version: str
    actor_words: frozenset[str] = frozenset()

    def candidates(self, lemma: str, pos: str) -> tuple[TriggerEntry, ...]:
        return self.entries.get((lemma, pos), ())

    def with_actor_words(self, words: Iterable[str]) -> Lexicon:
        """This lexicon, reading these words (and its own) as actors in ``@ACTOR`` objects."""
        return replace(self, actor_words=self.actor_words | {w.lower() for w in words})


def load_lexicon(*, data_dir: Path | None = None) -> Lexicon:
    """Load triggers and support verbs from the package data, or from ``data_dir``."""
    tab = read_table(TRIGGERS_FILE, path=None if data_dir is None else data_dir / TRIGGERS_FILE)
    grouped: dict[tuple[str, str], list[TriggerEntry]] = {}
    for index, (row, line) in enumerate(zip(tab.rows, tab.line_numbers, strict=True), start=1):
        with_dep, with_lemma = _parse_with(row.get("with", ""), where=f"{tab.name} row {index}")
        flags = frozenset(f.strip() for f in row.get("flags", "").split(",") if f.strip())
        unknown = flags - FLAGS
        if unknown:
            raise LexiconError(f"{tab.name} row {index}: unknown flags {sorted(unknown)}")
        entry = TriggerEntry(
            lemma=row["lemma"].lower(),
            pos=row["pos"].upper(),
            with_dep=with_dep,
            with_lemma=with_lemma,
            type=row["type"].upper(),
            mode=row.get("mode", ""),
            cameo=row.get("cameo", ""),
            flags=flags,
            line=line,
        )
        grouped.setdefault((entry.lemma, entry.pos), []).append(entry)
    entries = {
        # a named dependent first, then a typed object (dobj:@TYPE), then the bare row
        key: tuple(sorted(found, key=lambda e: (e.with_dep == "", "@" in e.with_lemma, e.line)))
        for key, found in grouped.items()
    }
    support_path = None if data_dir is None else data_dir / SUPPORT_VERBS_FILE
    support = read_table(SUPPORT_VERBS_FILE, path=support_path)
    return Lexicon(
        entries=MappingProxyType(entries),
        support_verbs=frozenset(row["lemma"].lower() for row in support),
        version=tab.version,
    )


def _parse_with(value: str, *, where: str) -> tuple[str, str]:
    value = value.strip()
    if not value:
        return "", ""
    dep, _, lemma = value.partition(":")
    if dep not in WITH_KINDS:
        raise LexiconError(f"{where}: 'with' must be one of {sorted(WITH_KINDS)}, got {value!r}")
    word, named, noun = lemma.partition("=")
    if named and (dep != "prep" or not word or not noun or "@" in lemma):
        raise LexiconError(
            f"{where}: {value!r}: '=' names the object noun of a preposition, as in prep:to=street"
        )
    word, typed, kind = lemma.partition("@")
    actor_clause = dep == "xcomp" and not word and kind.upper() == ACTOR_OBJECT
    censure = dep == "pred" and not word and kind.upper() == CENSURE_PREDICATE
    if (
        typed
        and not actor_clause
        and not censure
        and (
            kind.upper() not in (*PLOVER_TYPES, ACTOR_OBJECT)
            or (dep == "dobj" and word)
            or (dep == "prep" and not word)
            or dep not in ("dobj", "prep")
        )
    ):
        raise LexiconError(
            f"{where}: {value!r}: '@' names a PLOVER type of the object noun, as in "
            "dobj:@PROTEST or prep:from@CONSULT, or ACTOR (dobj:@ACTOR, xcomp:@ACTOR), or "
            "pred:@CENSURE"
        )
    return dep, lemma.lower()
