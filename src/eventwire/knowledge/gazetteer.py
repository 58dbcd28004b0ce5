"""The actor gazetteer: countries, demonyms, capitals, organisations, institutions, people, agents.

Built from the packaged TSV files (or user-supplied ones) once per process and then read-only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

from eventwire.errors import LexiconError
from eventwire.knowledge.spelling import article_forms, fold, plain_forms
from eventwire.knowledge.tsv import Table, read_table

ACTOR_FILES = ("countries.tsv", "organisations.tsv", "institutions.tsv")
PEOPLE_FILE = "people.tsv"
AGENTS_FILE = "agents.tsv"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One gazetteer phrase and what it denotes."""

    phrase: str
    code: str
    sector: str
    kind: str
    name: str
    source: str
    # the other members of a compound actor, as (code, sector): TABARI's [FRO/BIL/SAM]
    also: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        return f"{self.source}:{self.phrase}"


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A named person holding a role for a period (open-ended when a bound is None)."""

    name: str
    code: str
    sector: str
    role: str
    valid_from: date | None
    valid_until: date | None

    def in_public_life_on(self, day: date | None, *, years: int = 10) -> bool:
        """In the post, or within ``years`` of holding it, on the day (any day when unknown):
        a surname alone names a former official only while people still remember the post."""
        if day is None:
            return True
        began = self.valid_from is None or self.valid_from.year - years <= day.year
        ended = self.valid_until is None or day.year - years <= self.valid_until.year
        return began and ended

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_until is not None and day > self.valid_until)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """A role noun or title ('foreign minister', 'police') and the sector it signals."""

    word: str
    sector: str
    kind: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Read-only lookup tables for actor resolution."""

    entries: Mapping[str, tuple[ActorEntry, ...]]
    people: Mapping[str, tuple[PersonEntry, ...]]
    surnames: Mapping[str, tuple[PersonEntry, ...]]
    agents: Mapping[str, AgentEntry]
    country_names: Mapping[str, str]
    version: str

    def lookup(self, phrase: str) -> ActorEntry | None:
        """The preferred entry for an exact phrase, or None."""
        found = self.entries.get(_strip_article(phrase))
        return found[0] if found else None

    def person(self, name: str, *, on: date | None) -> PersonEntry | None:
        """The person of that full name holding a post on the given day (first listed, a state
        office before a party post held with it: Xi Jinping is China's president, GOV, though
        also its party's general secretary); with no day, the post still held, else the latest
        taken up (the first listed when no post has dates)."""
        candidates = self.people.get(name, ())
        if on is None and any(e.valid_from for e in candidates):
            current = [e for e in candidates if e.valid_until is None]
            return max(current or candidates, key=lambda e: e.valid_from or date.min)
        held = [e for e in candidates if e.valid_on(on)]
        if held:
            return _state_office_first(held)[0]
        return candidates[0] if candidates else None

    def by_surname(self, word: str, *, on: date | None) -> tuple[PersonEntry, ...]:
        """People in post on that day whose name starts or ends with ``word`` ("Blinken"), each
        with the post :meth:`person` would give."""
        found: dict[str, PersonEntry] = {}
        for entry in _state_office_first(
            [p for p in self.surnames.get(word, ()) if p.valid_on(on)]
        ):
            found.setdefault(entry.name, entry)
        return tuple(found.values())

    def by_first_and_last(self, name: str, *, on: date | None) -> PersonEntry | None:
        """The one person in post on that day whose first and last names are the name's,
        whatever stands between them or before them as a title ("Omar Hassan al-Bashir" is
        Omar al-Bashir, "Laurent Kabila" Laurent-Désiré Kabila, "Ayatollah Ali Khamenei"
        Ali Khamenei); None when no one or several are."""
        words = [w for w in name.split() if w not in NAME_TITLES]
        if len(words) < 2:
            return None
        first = _first_name(words[0])
        found = {
            p.name: p for p in self.by_surname(words[-1], on=on) if _first_name(p.name) == first
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def agent(self, word: str) -> AgentEntry | None:
        return self.agents.get(word.lower())

    def longest_agent(self, words: tuple[str, ...]) -> AgentEntry | None:
        """The longest title/agent found as a contiguous run of lower-cased words."""
        best: AgentEntry | None = None
        best_len = 0
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                if j - i <= best_len:
                    break
                entry = self.agents.get(" ".join(words[i:j]))
                if entry is not None:
                    best, best_len = entry, j - i
                    break
        return best


# Where English news writes the family name first ("Xi Jinping" is "Xi", "Hun Sen" "Hun").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "KHM", "SGP"})
PATRONYMIC_WORDS = frozenset({"bin", "ibn", "bint"})
# The Arabic article a family name may be written with ("al-Assad", "el-Sisi").
ARABIC_ARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l)-(?=[A-Z])")
# Titles written as part of a name ("Sheikh Hamad ...", "Prince Hassan bin Talal").
NAME_TITLES = frozenset(
    {"Sheikh", "Shaikh", "Prince", "Princess", "King", "Queen", "Emir", "Sultan", "Crown",
     "Sayyid", "Ayatollah", "Mullah", "Sir", "Dame"}
)  # fmt: skip


def _surnames(person: PersonEntry) -> set[str]:
    """The words a person is called by alone: the last name ("Blinken"); the first for family
    names written first, and for Arab names with a patronymic ("Hamad bin Khalifa" is
    "Hamad"). A Western first name alone ("Morgan", "Oscar") names no one."""
    parts = [w for w in person.name.split() if w not in NAME_TITLES]
    # "Bashar al-Assad" is "Assad" alone, as well as "al-Assad"
    last = ARABIC_ARTICLE.sub("", parts[-1]) if parts else ""
    words = [w for w in parts[:-1] if w[0].isupper()] + ([last] if last[:1].isupper() else [])
    if len(words) < 2:
        return set()
    if person.code in FAMILY_NAME_FIRST:
        return {words[0]}  # "Xi", "Hun"; "Jinping" alone is no one
    found = {words[-1], parts[-1]} if len(words[-1]) > 2 else set()
    lowered = [w.lower() for w in parts]
    patronymic = next((i for i, w in enumerate(lowered) if w in PATRONYMIC_WORDS), None)
    if patronymic is not None and patronymic > 0 and parts[patronymic - 1][0].isupper():
        found.add(parts[patronymic - 1])  # "Hamad bin Khalifa": Hamad
    return found


def _first_name(name: str) -> str:
    """The first word of a name after any title, before any hyphen, without diacritics
    ("Laurent-Désiré Kabila" -> "Laurent")."""
    words = [w for w in name.split() if w not in NAME_TITLES] or [name]
    return fold(words[0].split("-")[0])


def _without_initials(name: str) -> str | None:
    """The name without its middle initials ("George W. Bush" -> "George Bush"), if it has
    any and keeps a first and a last name."""
    words = name.split()
    if len(words) < 3:
        return None  # no middle: "Suharto", "Antony Blinken"
    kept = [w for w in words[1:-1] if not (len(w) == 2 and w[0].isupper() and w[1] == ".")]
    if len(kept) == len(words) - 2:
        return None
    return " ".join([words[0], *kept, words[-1]])


def _strip_article(phrase: str) -> str:
    return phrase[4:] if phrase.startswith("the ") else phrase


_KIND_RANK = {
    "country": 0,
    "igo": 1,
    "ngo": 1,
    "group": 1,
    "institution": 2,
    "capital": 3,
    "demonym": 4,
    "region": 4,
    "city": 5,
    "country-ambiguous": 6,
    "institution-ambiguous": 7,
}


def _rank(entry: ActorEntry) -> float:
    base = entry.kind.removesuffix("-ambiguous")
    return _KIND_RANK.get(base, 9) + (0.5 if entry.kind.endswith("-ambiguous") else 0.0)


def _parse_day(value: str, *, where: str, end: bool) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) == 4:
            return date(int(value), 12, 31) if end else date(int(value), 1, 1)
        return date.fromisoformat(value)
    except ValueError as e:
        raise LexiconError(f"{where}: bad date {value!r}; use YYYY or YYYY-MM-DD") from e


def load_gazetteer(*, data_dir: Path | None = None) -> Gazetteer:
    """Load the gazetteer from the packaged data files, or from ``data_dir`` if given."""

    def table(name: str) -> Table:
        return read_table(name, path=None if data_dir is None else data_dir / name)

    entries: dict[str, list[ActorEntry]] = {}
    versions: list[str] = []
    for filename in ACTOR_FILES:
        tab = table(filename)
        versions.append(tab.version)
        for row in tab:
            phrase = _strip_article(row["phrase"])
            if not phrase:
                continue
            entry = ActorEntry(
                phrase=phrase,
                code=row["code"],
                sector=row.get("sector", ""),
                kind=row.get("kind", ""),
                name=row.get("name", "") or phrase,
                source=filename.removesuffix(".tsv"),
            )
            entries.setdefault(phrase, []).append(entry)
    ordered = {phrase: tuple(sorted(found, key=_rank)) for phrase, found in entries.items()}
    for phrase, found in list(ordered.items()):  # "Sao Tome" as well as "São Tomé"
        for plain in plain_forms(phrase):
            ordered.setdefault(plain, found)

    people: dict[str, list[PersonEntry]] = {}
    ptab = table(PEOPLE_FILE)
    versions.append(ptab.version)
    for row in ptab:
        where = f"{PEOPLE_FILE}:{row['name']}"
        person = PersonEntry(
            name=row["name"],
            code=row["code"],
            sector=row.get("sector", ""),
            role=row.get("role", ""),
            valid_from=_parse_day(row.get("valid_from", ""), where=where, end=False),
            valid_until=_parse_day(row.get("valid_until", ""), where=where, end=True),
        )
        people.setdefault(person.name, []).append(person)

    surnames: dict[str, list[PersonEntry]] = {}
    for entries_of_person in people.values():
        for person in entries_of_person:
            for word in _surnames(person):
                for form in {word} | plain_forms(word):
                    surnames.setdefault(form, []).append(person)
    shortened: dict[str, list[PersonEntry]] = {}
    for name, posts in people.items():  # "George Bush": either, by the day's post
        short = _without_initials(name)
        if short is not None:
            shortened.setdefault(short, []).extend(posts)
    for short, posts in shortened.items():
        people.setdefault(short, posts)
    for name, posts in list(people.items()):  # "Slobodan Milosevic" as well as "Milošević"
        for form in plain_forms(name) | article_forms(name):  # "al-Thani" as "Al Thani"
            people.setdefault(form, posts)

    agents: dict[str, AgentEntry] = {}
    atab = table(AGENTS_FILE)
    versions.append(atab.version)
    for row in atab:
        word = row["word"].lower()
        agents.setdefault(word, AgentEntry(word=word, sector=row["sector"], kind=row["kind"]))

    names: dict[str, str] = {}
    for found in ordered.values():
        for entry in found:
            if entry.kind == "country" and entry.code not in names:
                names[entry.code] = entry.phrase
    return Gazetteer(
        entries=MappingProxyType(ordered),
        people=MappingProxyType({k: tuple(v) for k, v in people.items()}),
        surnames=MappingProxyType({k: tuple(v) for k, v in sorted(surnames.items())}),
        agents=MappingProxyType(agents),
        country_names=MappingProxyType(names),
        version=max(versions) if versions else "",
    )


def _state_office_first(entries: list[PersonEntry]) -> list[PersonEntry]:
    """Posts held at once, in order, with party posts after state offices."""
    return sorted(entries, key=lambda e: e.sector == "PTY")
