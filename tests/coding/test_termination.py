"""The coder's climbs up the parse end at the root (spaCy makes a new Token object for every
``token.head``, so a root must be recognised by its index, never by ``is``)."""

from __future__ import annotations

import threading
from datetime import date

from eventwire.coding.event_dates import attachment
from eventwire.engine import Engine
from eventwire.records import CodedArticle

# A date phrase hanging off a participle of a noun that is the sentence root ("the merger this
# summer", "a network beginning this summer"): the climb used to loop at that root forever.
TEXT = (
    "Pacific Western said it integrated the senior management of Pacific Western in "
    "preparation for the companies' merger this summer.\n"
    'Pacific Western said the new structure "will position us in the marketplace as a single '
    'airline network beginning this summer."\n'
    "A single airline network beginning this summer."
)


def test_coding_a_rootward_climb_finishes(engine: Engine) -> None:
    result: list[CodedArticle] = []
    worker = threading.Thread(
        target=lambda: result.append(engine.code_text(TEXT, day=date(1987, 3, 2))), daemon=True
    )
    worker.start()
    worker.join(timeout=120)  # a liveness bound, not a speed check: the bug never returned
    assert result, "coding did not finish: a climb up the parse does not stop at the root"


def test_attachment_of_a_date_under_a_root_noun_ends(engine: Engine) -> None:
    doc = engine.nlp("A single airline network beginning this summer.")
    spans = list(doc.spans.get("ew_dates", [])) or [doc[-3:-1]]
    found: list[object] = []
    worker = threading.Thread(
        target=lambda: found.extend(attachment(span) for span in spans), daemon=True
    )
    worker.start()
    worker.join(timeout=60)  # a liveness bound: the old climb looped at the root forever
    assert len(found) == len(spans)
    assert all(host is None or host.doc is doc for host in found)
