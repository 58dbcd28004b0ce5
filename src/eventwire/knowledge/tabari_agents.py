"""Reading TABARI/PETRARCH agent dictionaries (``*.agents.txt``).

Each line is ``PHRASE {PLURALS} [CODE]``::

    !MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES    # a substitution set
    FOREIGN_MINISTER [~GOVFRM]       # regular plural generated: FOREIGN MINISTERS
    POLICE {} [~COP]                 # {} = no plural
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   # irregular plural(s), blank-separated
    FOREIGN_!MINIST! [~GOV]          # one agent per set member, no plurals added
    HUMAN_RIGHTS_BODY [NGO~]         # code goes before the actor's code

A code starting with ``~`` is appended to the actor's code, one ending with ``~`` is put
in front of it (PETRARCH's rule); either way its letters are the agent's sector.

Regular plurals follow English spelling rather than PETRARCH's simpler rule: consonant+Y ->
IES (vowel+Y -> YS), S/X/Z/CH/SH -> ES, otherwise S; no plural is made for a phrase ending
in a digit or punctuation. Substitution sets must be defined before use; a marker may stand
inside a word (``CONGRESS!PERSON!``) and several markers may appear in one phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from eventwire.knowledge.tabari_base import (
    ImportReport,
    ReportBuilder,
    canonical_phrase,
    content_lines,
    phrase_problem,
    read_lines,
    split_braces,
)

MAX_EXPANSIONS = 256
_AGENT_CODE = re.compile(r"~[A-Z0-9]{2,}|[A-Z0-9]{2,}~")
_ES_ENDINGS = ("S", "X", "Z", "CH", "SH")


@dataclass(frozen=True, slots=True)
class TabariAgent:
    """One agent line: its canonical phrases (singular first, then plurals or expansions)
    and its code as written (``~GOV`` or ``NGO~``)."""

    phrases: tuple[str, ...]
    code: str
    line: int

    @property
    def sector(self) -> str:
        return self.code.strip("~")

    @property
    def prefix(self) -> bool:
        """True for ``NGO~``: the code goes before the actor's code, not after it."""
        return self.code.endswith("~")


def regular_plural(phrase: str) -> str | None:
    """The regular plural of a canonical phrase's last word, or None if it makes none."""
    if not phrase or not phrase[-1].isalpha():
        return None
    if phrase.endswith("Y") and len(phrase) > 1 and phrase[-2] not in "AEIOU":
        return phrase[:-1] + "IES"
    if phrase.endswith(_ES_ENDINGS):
        return phrase + "ES"
    return phrase + "S"


def parse_substitution(content: str) -> tuple[str, tuple[str, ...]] | str:
    """``!NAME! = A, B`` -> (NAME, (A, B)), or the reason it cannot be read."""
    close = content.find("!", 1)
    equals = content.find("=")
    if not content.startswith("!") or close < 0 or equals < close:
        return "bad substitution set"
    name = content[1:close].strip().upper()
    if not name or content[close + 1 : equals].strip():
        return "bad substitution set"
    items = tuple(item.strip().upper() for item in content[equals + 1 :].split(",") if item.strip())
    if not items:
        return "empty substitution set"
    return name, items


def expand_markers(text: str, sets: Mapping[str, tuple[str, ...]]) -> list[str] | str:
    """Every way of replacing the ``!NAME!`` markers in ``text``, or the reason it fails."""
    parts = text.split("!")
    if len(parts) % 2 == 0:
        return "unclosed substitution marker"
    names = [name.strip().upper() for name in parts[1::2]]
    if any(name not in sets for name in names):
        return "undefined substitution marker"
    count = 1
    for name in names:
        count *= len(sets[name])
        if count > MAX_EXPANSIONS:
            return f"more than {MAX_EXPANSIONS} substitutions"
    literals = parts[0::2]
    out: list[str] = []
    for choice in product(*(sets[name] for name in names)):
        pieces = [literals[0]]
        for item, literal in zip(choice, literals[1:], strict=True):
            pieces += [item, literal]
        out.append("".join(pieces))
    return out


def parse_agent_lines(
    lines: Iterable[str], *, source: str = "<text>"
) -> tuple[tuple[TabariAgent, ...], ImportReport]:
    """Parse an agent dictionary given as lines (with or without line ends)."""
    report = ReportBuilder(source, "agents")
    sets: dict[str, tuple[str, ...]] = {}
    agents: list[TabariAgent] = []
    for number, content in content_lines(lines, report):
        bracket = content.find("[")
        if content.startswith("!") and "=" in (content if bracket < 0 else content[:bracket]):
            found = parse_substitution(content)
            if isinstance(found, str):
                report.skip(number, found, content)
            else:
                sets[found[0]] = found[1]
                report.substitution_sets += 1
            continue
        agent = _parse_agent(content, number, sets, report)
        if agent is not None:
            agents.append(agent)
            report.entries += 1
            report.phrases += len(agent.phrases)
            report.codes += 1
    return tuple(agents), report.build()


def _parse_agent(
    content: str, number: int, sets: Mapping[str, tuple[str, ...]], report: ReportBuilder
) -> TabariAgent | None:
    bracket = content.find("[")
    if bracket < 0:
        report.skip(number, "agent without a code", content)
        return None
    end = content.find("]", bracket)
    if end < 0:
        report.skip(number, "unclosed '['", content)
        return None
    if content[end + 1 :].strip():
        report.skip(number, "text after the code", content)
        return None
    code = "".join(content[bracket + 1 : end].split()).upper()
    if not _AGENT_CODE.fullmatch(code):
        report.skip(number, "bad agent code", content)
        return None
    head, plurals, problem = split_braces(content[:bracket])
    if problem is not None:
        report.skip(number, problem, content)
        return None
    if "!" in head:
        expanded = expand_markers(head, sets)
        if isinstance(expanded, str):
            report.skip(number, expanded, content)
            return None
        forms = [canonical_phrase(text) for text in expanded]
        phrases = [form for form in forms if form is not None]
        if not phrases:
            report.skip(number, phrase_problem(expanded[0]), content)
            return None
        return TabariAgent(tuple(dict.fromkeys(phrases)), code, number)
    singular = canonical_phrase(head)
    if singular is None:
        report.skip(number, phrase_problem(head), content)
        return None
    phrases = [singular]
    if plurals is None:
        plural = regular_plural(singular)
        phrases += [plural] if plural is not None else []
    for text in plurals or ():
        form = canonical_phrase(text)
        if form is None:
            report.skip(number, f"{{...}} plural: {phrase_problem(text)}", content)
        else:
            phrases.append(form)
    return TabariAgent(tuple(dict.fromkeys(phrases)), code, number)


def read_agent_dictionary(path: Path) -> tuple[tuple[TabariAgent, ...], ImportReport]:
    """Read an agent dictionary file; LexiconError only if it cannot be read at all."""
    return parse_agent_lines(read_lines(path), source=str(path))
