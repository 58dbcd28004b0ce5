"""Who a one-word name is: someone in post by that name on the article's date.

"Blinken", "Lavrov", "Xi": a name of people.tsv written alone names
- the one person of that name in post on the date (confidence 0.9), or
- several people of that name in post, all of one country: that country (0.8), or
- one person of that name out of post lately (within ten years, ``in_public_life_on``), or with
  no date: that person's country, with no sector (0.7); never a minister of decades before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from eventwire.knowledge import Gazetteer
from eventwire.knowledge.gazetteer import PersonEntry
from eventwire.records import Actor

# Former office holders are elites (agents.tsv: "former president" ELI).
FORMER_SECTOR = "ELI"
# A post that ended within a month of the article's date was still held when most of the
# events it reports took place ("Soleimani was killed", a week after his death).
RECENT_EVENTS = timedelta(days=31)
IN_POST = 0.9
SAME_COUNTRY = 0.8
OUT_OF_POST = 0.7


def person_actor(
    person: PersonEntry, text: str, evidence: str, *, confidence: float = 1.0
) -> Actor:
    """The actor of a people.tsv post: its country, sector, name and role."""
    return Actor(
        text=text,
        country=person.code,
        sectors=(person.sector,) if person.sector else (),
        name=person.name,
        role=person.role or None,
        evidence=evidence,
        confidence=confidence,
    )


def named_person_actor(person: PersonEntry, text: str, anchor: date | None) -> Actor:
    """The actor of a person named in full: the post's sector while it is held (or until a
    month after); out of it, an elite (ELI) after it ("Donald Trump" in 2022) and no sector
    before it (in 1987)."""
    if anchor is None or person.valid_on(anchor) or person.valid_on(anchor - RECENT_EVENTS):
        return person_actor(person, text, f"people.tsv: {person.name} ({person.role or 'person'})")
    after = person.valid_until is not None and anchor > person.valid_until
    actor = person_actor(
        person,
        text,
        f"people.tsv: {person.name} ({person.role} "
        f"{person.valid_from or ''}..{person.valid_until or ''}), not in post on {anchor}",
    )
    return replace(actor, sectors=(FORMER_SECTOR,) if after else (), role=None)


def surname_actor(gazetteer: Gazetteer, word: str, anchor: date | None) -> Actor | None:
    """The actor a one-word name stands for on ``anchor`` (see the module docstring)."""
    people = gazetteer.by_surname(word, on=anchor)
    if len(people) == 1:
        person = people[0]
        evidence = f"people.tsv surname: {person.name} ({person.role}) on {anchor}"
        return person_actor(person, word, evidence, confidence=IN_POST)
    if people and len({p.code for p in people}) == 1:
        return Actor(
            text=word,
            country=people[0].code,
            sectors=(people[0].sector,) if people[0].sector else (),
            evidence=f"people.tsv: {len(people)} people named {word}, all {people[0].code}",
            confidence=SAME_COUNTRY,
        )
    # Out of office lately (or the date unknown): of that country; not a minister of 1985.
    anyone = [p for p in gazetteer.by_surname(word, on=None) if p.in_public_life_on(anchor)]
    names = {p.name for p in anyone}
    if len(names) == 1 and len({p.code for p in anyone}) == 1:
        person = anyone[0]
        return Actor(
            text=word,
            country=person.code,
            name=person.name,
            evidence=f"people.tsv surname: {person.name}, not in post on {anchor}",
            confidence=OUT_OF_POST,
        )
    return None
