"""Importing TABARI/PETRARCH actor and agent dictionaries into eventwire's Gazetteer.

Read with :func:`read_actor_dictionary` / :func:`read_agent_dictionary` (or both at once
with :func:`import_dictionaries`), convert with :func:`to_gazetteer`, summarise the
:class:`ImportReport` with :func:`describe_import`.

How TABARI phrases become eventwire phrases (:func:`surface_forms`). TABARI phrases are
upper case and matched case-insensitively; eventwire's phrase matcher is case-sensitive,
so each phrase is written the way news text writes it:

1. a leading ``THE`` is dropped (``THE_UNITED_NATIONS`` -> "United Nations"), as eventwire
   ignores a leading article anyway;
2. the title form: each word capitalised (per hyphen part: "Al-Qaeda"; "O'Brien",
   "N'Djamena", "McCloy"), except that minor words such as of/the/and/de are lower case
   after the first word, dotted initials stay upper ("U.N.", "U.S.S.R") and so do words of
   at most 5 letters without a vowel ("PKK", "FSLN");
3. the acronym form: a one-word phrase of 2 to 5 letters kept upper case ("NATO", "IAEA",
   "HAMAS"), and in longer phrases the words that are such one-word phrases somewhere in
   the imported dictionaries ("UN Secretary General" because ``UN`` is an entry);
4. the news form: hyphenated words with lower case after the hyphen when they have two
   parts ("Ban Ki-moon") or in links of 1-2 letters ("Mazar-i-Sharif"), and the Arabic
   article in lower case ("al-Qaeda", "Bashar al-Assad");
5. a one-word phrase of 2 or 3 letters is only matched upper case ("UN", "US", "PLO"; never
   "Un" or "Us").

Agents are matched on lower-cased words, so an agent phrase becomes its lower-case form
("foreign minister"), plus a form with hyphens as blanks ("state owned newspaper").
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from eventwire.knowledge.gazetteer import ActorEntry, AgentEntry, Gazetteer, PersonEntry
from eventwire.knowledge.tabari_actors import (
    NULL_CODE,
    DatedCode,
    TabariActor,
    parse_actor_line,
    parse_actor_lines,
    parse_code,
    parse_tabari_date,
    read_actor_dictionary,
)
from eventwire.knowledge.tabari_agents import (
    TabariAgent,
    expand_markers,
    parse_agent_lines,
    parse_substitution,
    read_agent_dictionary,
    regular_plural,
)
from eventwire.knowledge.tabari_base import ImportReport

__all__ = [
    "IMPORTED_KIND",
    "IMPORTED_SOURCE",
    "NULL_CODE",
    "DatedCode",
    "ImportReport",
    "TabariActor",
    "TabariAgent",
    "agent_words",
    "describe_import",
    "expand_markers",
    "import_dictionaries",
    "parse_actor_line",
    "parse_actor_lines",
    "parse_agent_lines",
    "parse_code",
    "parse_substitution",
    "parse_tabari_date",
    "read_actor_dictionary",
    "read_agent_dictionary",
    "regular_plural",
    "split_code",
    "split_codes",
    "surface_forms",
    "to_gazetteer",
]

IMPORTED_KIND = "imported"
IMPORTED_SOURCE = "tabari"
MINOR_WORDS = frozenset(
    {"OF", "THE", "AND", "FOR", "IN", "ON", "AT", "TO", "BY", "WITH", "A", "AN", "DE", "DEL",
     "DA", "DI", "DU", "DES", "LA", "LE", "VAN", "VON", "DER", "DEN", "Y", "E"}
)  # fmt: skip
ARABIC_ARTICLES = frozenset({"Al", "El"})
_VOWELS = frozenset("AEIOUY")


# -- phrase forms ---------------------------------------------------------------------------


def surface_forms(phrase: str, acronyms: Collection[str] = ()) -> tuple[str, ...]:
    """The case-sensitive forms under which a canonical TABARI phrase is matched.

    ``acronyms``: words kept upper case in the acronym form of a multi-word phrase.
    """
    words = phrase.split()
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]
    if not words:
        return ()
    title = [_title_word(word, first=i == 0) for i, word in enumerate(words)]
    if len(words) == 1:
        acronym = words if _acronym_like(words[0]) else title
    else:
        acronym = [w if w in acronyms else t for w, t in zip(words, title, strict=True)]
    hyphen = [_news_form(t) for t in title]
    forms = [" ".join(title), " ".join(acronym), " ".join(hyphen)]
    if len(words) == 1 and 2 <= len(words[0]) <= 3 and words[0].isalpha():
        forms = [words[0]]
    return tuple(dict.fromkeys(forms))


def agent_words(phrase: str) -> tuple[str, ...]:
    """The lower-case forms of a canonical agent phrase (also with hyphens as blanks)."""
    lower = phrase.lower()
    forms = [lower]
    if "-" in lower:
        forms.append(" ".join(lower.replace("-", " ").split()))
    return tuple(dict.fromkeys(f for f in forms if f))


def _acronym_like(word: str) -> bool:
    return 2 <= len(word) <= 5 and word.isalpha()


@lru_cache(maxsize=1 << 16)
def _title_word(word: str, *, first: bool) -> str:
    if not first and word in MINOR_WORDS:
        return word.lower()
    if "." in word and word.replace(".", "").isalpha() and max(map(len, word.split("."))) == 1:
        return word  # dotted initials: U.N., U.S.S.R
    letters = "".join(ch for ch in word if ch.isalpha())
    if 2 <= len(letters) <= 5 and not _VOWELS & set(letters) and letters.isupper():
        return word
    return "-".join(_capitalise_part(part) for part in word.split("-"))


def _capitalise_part(part: str) -> str:
    pieces = part.split("'")
    if len(pieces) > 1 and len(pieces[0]) == 1 and pieces[0].isalpha() and pieces[1]:
        return "'".join([pieces[0], _capitalise(pieces[1]), *(p.lower() for p in pieces[2:])])
    if part.startswith("MC") and len(part) > 3 and part[2:].isalpha():
        return "Mc" + _capitalise(part[2:])
    return _capitalise(part)


def _capitalise(text: str) -> str:
    lower = text.lower()
    for i, ch in enumerate(lower):
        if ch.isalpha():
            return lower[:i] + ch.upper() + lower[i + 1 :]
        if ch.isdigit():
            return lower
    return lower


def _news_form(word: str) -> str:
    """Al-Qaeda -> al-Qaeda, Al -> al; Ki-Moon -> Ki-moon; Mazar-I-Sharif -> Mazar-i-Sharif."""
    parts = word.split("-")
    if parts[0] in ARABIC_ARTICLES:
        return "-".join([parts[0].lower(), *parts[1:]])
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1].lower()}"
    return "-".join([parts[0], *(p.lower() if len(p) <= 2 else p for p in parts[1:])])


def split_code(code: str) -> tuple[str, str]:
    """``PSEREBHMS`` -> ("PSE", "REBHMS"); of a compound ``ELR/GAL``, the first member."""
    return split_codes(code)[0]


def split_codes(code: str) -> tuple[tuple[str, str], ...]:
    """Every member of a code: ``FRO/BIL/SAM`` (a compound actor: the phrase names several
    actors, each coded on its own, as in PETRARCH) -> (("FRO", ""), ("BIL", ""), ("SAM", ""))."""
    return tuple((part[:3], part[3:]) for part in code.split("/") if part)


# -- conversion -----------------------------------------------------------------------------


def to_gazetteer(
    actors: Iterable[TabariActor],
    agents: Iterable[TabariAgent],
    *,
    base: Gazetteer | None = None,
) -> Gazetteer:
    """A Gazetteer of the imported entries, over ``base`` (dropped when None).

    - An actor whose codes are all undated becomes one :class:`ActorEntry` per surface form
      (code = first 3 letters, sector = the rest, kind ``imported``, source ``tabari``,
      name = the primary phrase's title form); a compound code ``FRO/BIL/SAM`` gives the
      first member, the others in ``also``. An actor whose only code is ``[---]`` is
      left out.
    - An actor with a dated code becomes :class:`PersonEntry` rows under every surface
      form: one per dated code in file order, then its undated code(s) as open-ended rows,
      so ``Gazetteer.person(name, on=day)`` finds the code valid that day and falls back on
      the default. A null code gives a row with an empty code: the person is known but is
      no actor in that period; without a default, such a row comes last (as in PETRARCH,
      no code outside the dated periods). The last word of the name indexes the person by
      surname.
    - Agents become :class:`AgentEntry` rows (lower-case words, sector = code without ``~``).

    Within the imported entries the first occurrence of a phrase wins; an imported phrase
    replaces the same phrase or person name in ``base``.
    """
    entries: dict[str, tuple[ActorEntry, ...]] = {}
    people: dict[str, tuple[PersonEntry, ...]] = {}
    surnames: dict[str, list[PersonEntry]] = {}
    names: dict[str, str] = dict(base.country_names) if base is not None else {}
    digest = hashlib.blake2b(digest_size=8)
    actors = list(actors)
    acronyms = {p for actor in actors for p in actor.phrases if _acronym_like(p)}
    for actor in actors:
        digest.update(repr((actor.phrases, actor.codes)).encode())
        per_phrase = [surface_forms(phrase, acronyms) for phrase in actor.phrases]
        forms = list(dict.fromkeys(form for found in per_phrase for form in found))
        if not forms:
            continue
        primary = (per_phrase[0] or forms)[0]
        if any(code.dated for code in actor.codes):
            rows = _person_rows(actor, primary)
            for form in forms:
                if form not in entries and form not in people:
                    people[form] = rows
            words = primary.split()
            if len(words) >= 2 and len(words[-1]) > 2 and words[-1][0].isupper():
                surnames.setdefault(words[-1], []).extend(row for row in rows if row.code)
            continue
        default = next((c for c in actor.codes if not c.is_null), None)
        if default is None:
            continue
        (code, sector), *others = split_codes(default.code)
        entry_rows = {
            form: ActorEntry(
                form, code, sector, IMPORTED_KIND, primary, IMPORTED_SOURCE, tuple(others)
            )
            for form in forms
        }
        for form, entry in entry_rows.items():
            if form not in entries and form not in people:
                entries[form] = (entry,)
        if not sector and len(code) == 3:
            names.setdefault(code, primary)
    imported_agents: dict[str, AgentEntry] = {}
    for agent in agents:
        digest.update(repr((agent.phrases, agent.code)).encode())
        for phrase in agent.phrases:
            for word in agent_words(phrase):
                imported_agents.setdefault(word, AgentEntry(word, agent.sector, IMPORTED_KIND))
    if base is not None:
        _merge_base(base, entries, people, surnames, imported_agents)
    version = f"tabari.{digest.hexdigest()}"
    return Gazetteer(
        entries=MappingProxyType(entries),
        people=MappingProxyType(people),
        surnames=MappingProxyType({k: tuple(v) for k, v in sorted(surnames.items())}),
        agents=MappingProxyType(imported_agents),
        country_names=MappingProxyType(names),
        version=version if base is None else f"{base.version}+{version}",
    )


def _person_rows(actor: TabariActor, name: str) -> tuple[PersonEntry, ...]:
    dated = [c for c in actor.codes if c.dated]
    undated = [c for c in actor.codes if not c.dated] or [DatedCode(NULL_CODE)]
    rows = []
    for found in dated + undated:
        code, sector = ("", "") if found.is_null else split_code(found.code)
        rows.append(PersonEntry(name, code, sector, "", found.valid_from, found.valid_until))
    return tuple(rows)


def _merge_base(
    base: Gazetteer,
    entries: dict[str, tuple[ActorEntry, ...]],
    people: dict[str, tuple[PersonEntry, ...]],
    surnames: dict[str, list[PersonEntry]],
    agents: dict[str, AgentEntry],
) -> None:
    """Add ``base``'s entries under the phrases and names the import does not use."""
    for phrase, found in base.entries.items():
        if phrase not in entries and phrase not in people:
            entries[phrase] = found
    kept: set[int] = set()
    for name, rows in base.people.items():
        if name not in entries and name not in people:
            people[name] = rows
            kept.update(id(row) for row in rows)
    for word, rows in base.surnames.items():
        survivors = [row for row in rows if id(row) in kept]
        if survivors:
            surnames.setdefault(word, []).extend(survivors)
    for word, agent in base.agents.items():
        agents.setdefault(word, agent)


# -- reading several files ------------------------------------------------------------------


def import_dictionaries(
    actor_paths: Iterable[Path],
    agent_paths: Iterable[Path] = (),
    *,
    base: Gazetteer | None = None,
) -> tuple[Gazetteer, tuple[ImportReport, ...]]:
    """Read the dictionaries (earlier files win on shared phrases) and build the Gazetteer."""
    actors: list[TabariActor] = []
    agents: list[TabariAgent] = []
    reports: list[ImportReport] = []
    for path in actor_paths:
        found, report = read_actor_dictionary(Path(path))
        actors.extend(found)
        reports.append(report)
    for path in agent_paths:
        found_agents, report = read_agent_dictionary(Path(path))
        agents.extend(found_agents)
        reports.append(report)
    return to_gazetteer(actors, agents, base=base), tuple(reports)


def describe_import(report: ImportReport) -> str:
    """A few human-readable lines summarising one file's import, for the CLI."""
    head = (
        f"{report.source} ({report.kind}): {report.lines:,} lines, {report.entries:,} entries, "
        f"{report.phrases:,} phrases, {report.codes:,} codes"
    )
    if report.kind == "actors":
        head += f" ({report.dated_codes:,} date-restricted)"
    if report.substitution_sets:
        head += f", {report.substitution_sets} substitution sets"
    if not report.skipped:
        return head + "; nothing skipped"
    lines = [head + f"; skipped {report.skipped_total:,}:"]
    first_example: dict[str, tuple[int, str]] = {}
    for number, reason, text in report.examples:
        first_example.setdefault(reason, (number, text))
    for reason, count in sorted(report.skipped.items(), key=lambda kv: (-kv[1], kv[0])):
        line = f"  {count:>6,}  {reason}"
        if reason in first_example:
            number, text = first_example[reason]
            line += f" (e.g. line {number}: {text})"
        lines.append(line)
    return "\n".join(lines)
