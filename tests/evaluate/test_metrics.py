"""Scoring on hand-built gold sentences and coded articles, with numbers worked out by hand."""

from __future__ import annotations

import pytest

from eventwire.evaluate.cameo_map import parse_cameo_map
from eventwire.evaluate.gold import GoldEvent, GoldSentence, split_code
from eventwire.evaluate.metrics import (
    Ratio,
    Scores,
    ScoringOptions,
    TypeScore,
    figures,
    score,
    top_event,
)
from eventwire.records import (
    Actor,
    Article,
    CodedArticle,
    CodedEvent,
    Explanation,
    Modality,
    Span,
)

CAMEO_TABLE = """03: AGREE
036: AGREE, , diplomatic
04: CONSULT
042: CONSULT, visit,
05: SUPPORT
09: ACCUSE
11: ACCUSE
12: REJECT
19: ASSAULT
190: ASSAULT, , military
"""


def actor(code: str) -> Actor:
    country, sectors = split_code(code)
    return Actor(text=code, country=None if country == "---" else country, sectors=sectors)


def event(
    plover_type: str,
    actors: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
    *,
    cameo: str = "000",
    confidence: float = 0.8,
    modality: Modality = Modality.ASSERTED,
    start: int = 0,
) -> CodedEvent:
    return CodedEvent(
        id=f"{plover_type}-{start}",
        article_id="a",
        type=plover_type,
        mode=None,
        contexts=(),
        cameo=cameo,
        score=0.0,
        goldstein=0.0,
        quad_class=0,
        actors=tuple(actor(c) for c in actors),
        recipients=tuple(actor(c) for c in recipients),
        date=None,
        modality=modality,
        trigger=Span(start, start + 4, "verb"),
        sentence_index=0,
        sentence=Span(0, 40, "sentence"),
        confidence=confidence,
        explanation=Explanation("entry", "rule"),
    )


def coded(*events: CodedEvent) -> CodedArticle:
    return CodedArticle(article=Article("a", "text", "test", None), events=events)


def plover(
    sid: str,
    plover_type: str,
    sources: tuple[str, ...] = (),
    targets: tuple[str, ...] = (),
) -> GoldSentence:
    src = [split_code(c) for c in sources]
    tgt = [split_code(c) for c in targets]
    gold = GoldEvent(
        type=plover_type,
        source_codes=tuple(c for c, _ in src),
        target_codes=tuple(c for c, _ in tgt),
        source_sectors=tuple(s for _, s in src),
        target_sectors=tuple(s for _, s in tgt),
    )
    return GoldSentence(id=sid, text=f"text of {sid}", date=None, events=(gold,))


def petr(
    sid: str,
    triples: tuple[tuple[str, str, str], ...] = (),
    *,
    no_events: bool = False,
    error: str | None = None,
) -> GoldSentence:
    events = []
    for source, target, code in triples:
        (sc, ss), (tc, ts) = split_code(source), split_code(target)
        events.append(GoldEvent(None, code, None, (sc,), (tc,), (ss,), (ts,)))
    return GoldSentence(sid, f"text of {sid}", None, tuple(events), no_events, error)


@pytest.fixture(scope="module")
def plover_pairs() -> list[tuple[GoldSentence, CodedArticle]]:
    return [
        (
            plover("S1", "ACCUSE", ("USAGOV",), ("IRQ",)),
            coded(
                event("ACCUSE", ("USAGOV",), ("IRQ",), confidence=0.9),
                event("REQUEST", ("USA",), ("IRQ",), confidence=0.5, start=10),
            ),
        ),
        (
            plover("S2", "REJECT", ("PRK",), ("USA",)),
            coded(
                event("THREATEN", ("PRK",), ("USA",), confidence=0.9),
                event("REJECT", ("KOR",), ("USA",), confidence=0.6, start=10),
            ),
        ),
        (
            plover("S3", "AGREE", ("FRA",), ("DEU",)),
            coded(event("AGREE", ("FRA",), ("DEU",), modality=Modality.FUTURE)),
        ),
        (
            plover("S4", "PROTEST", ("PSECVL",)),
            coded(event("ASSAULT", ("ISR",), ("PSE",), confidence=0.7)),
        ),
    ]


@pytest.fixture(scope="module")
def plover_scores(plover_pairs: list[tuple[GoldSentence, CodedArticle]]) -> Scores:
    return score(plover_pairs)


def test_type_figures(plover_scores: Scores) -> None:
    s = plover_scores
    assert (s.sentences, s.gold_event_sentences, s.no_event_sentences) == (4, 4, 0)
    assert s.gold_type_in_ours == Ratio(2, 4, 0.5)
    assert s.top_type == Ratio(1, 4, 0.25)
    assert s.precision == Ratio(2, 5, 0.4)
    assert s.micro.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    per_type = {t.type: t for t in s.per_type}
    assert list(per_type) == ["AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                              "ASSAULT"]  # fmt: skip
    assert per_type["ACCUSE"] == TypeScore("ACCUSE", 1, 1, 1, 1, 1.0, 1.0, 1.0)
    assert per_type["REQUEST"] == TypeScore("REQUEST", 0, 1, 0, 0, 0.0, None, None)
    assert per_type["AGREE"] == TypeScore("AGREE", 0, 0, 0, 1, None, 0.0, None)
    assert per_type["THREATEN"].precision == 0.0 and per_type["REJECT"].f1 == 1.0


def test_actor_figures(plover_scores: Scores) -> None:
    s = plover_scores
    # S1 right; S2's matched event (REJECT, the gold type) has KOR; S4's (top, ASSAULT) has ISR.
    assert s.source_country == Ratio.of(1, 3)
    assert s.source_country_all == Ratio.of(1, 4)  # S3 coded nothing countable
    assert s.recipient_country == Ratio(2, 2, 1.0)  # S4 has no gold target
    assert s.recipient_country_all == Ratio.of(2, 3)
    assert s.sector == Ratio(1, 2, 0.5)  # S1 GOV found; S4 CVL not
    assert s.cameo_root == Ratio(0, 0, None) and s.no_event_correct.value is None


def test_confusion_and_worst(plover_scores: Scores) -> None:
    assert plover_scores.confusion == {
        "AGREE": {"none": 1},
        "ACCUSE": {"ACCUSE": 1},
        "REJECT": {"THREATEN": 1},
        "PROTEST": {"ASSAULT": 1},
    }
    s4, s3 = plover_scores.worst  # the confident wrong answer first
    assert (s4.id, s4.confidence, s4.gold) == ("S4", 0.7, ("PROTEST PSECVL->-",))
    assert s4.ours == ("ASSAULT (000) ISR->PSE [asserted] 0.70 'verb'",)
    assert (s3.id, s3.confidence) == ("S3", 0.0)
    assert s3.ours == ("AGREE (000) FRA->DEU [future] 0.80 'verb'",)  # shown, not counted
    assert score([], ScoringOptions(worst=1)).worst == ()


def test_counted_modalities_are_a_parameter(
    plover_pairs: list[tuple[GoldSentence, CodedArticle]],
) -> None:
    everything = score(plover_pairs, ScoringOptions(counted=frozenset(Modality), worst=1))
    assert everything.gold_type_in_ours == Ratio(3, 4, 0.75)
    assert [m.id for m in everything.worst] == ["S4"]


def test_cameo_gold() -> None:
    pairs = [
        (
            petr("P1", (("DAGGOV", "GON", "042"), ("GON", "DAGGOV", "036"))),
            coded(
                event("CONSULT", ("DAGGOV",), ("GON",), cameo="042", confidence=0.8),
                event("AGREE", ("GON",), ("DAG",), cameo="030", confidence=0.5, start=9),
            ),
        ),
        (
            petr("P2", (("---REB", "SYR", "190"),)),
            coded(event("ASSAULT", ("---REB",), ("SYR",), cameo="190")),
        ),
        (petr("P3", (("ARN", "GON", "010"),)), coded()),
        (petr("P4", no_events=True), coded(event("SUPPORT", ("ARN",), cameo="051"))),
        (petr("P5", no_events=True), coded(event("REJECT", modality=Modality.NEGATED))),
        (petr("P6", (("ARN", "GON", "042"),), error="dateline"), coded(event("CONSULT"))),
    ]
    s = score(pairs, ScoringOptions(cameo_map=parse_cameo_map(CAMEO_TABLE)))
    assert (s.sentences, s.gold_event_sentences, s.no_event_sentences) == (5, 2, 2)
    assert (s.triples, s.triples_unmapped) == (4, 1)
    assert s.cameo_root == Ratio(3, 3, 1.0)
    assert s.same_actors_root == Ratio(3, 3, 1.0)
    # P1's AGREE has GON->DAG, not DAGGOV; its CONSULT is exact
    assert s.exact_triple == Ratio.of(2, 3)
    assert s.exact_code == Ratio.of(2, 3)
    assert s.no_event_correct == Ratio(1, 2, 0.5)
    assert s.precision == Ratio(3, 4, 0.75)  # P4's SUPPORT is the false positive
    assert s.source_country == Ratio(1, 1, 1.0)  # P2's source has no country
    assert s.confusion == {
        "CONSULT": {"CONSULT": 1},
        "ASSAULT": {"ASSAULT": 1},
        "none": {"SUPPORT": 1, "none": 1},
    }
    values = figures(s)
    assert values["exact_triple"] == pytest.approx(2 / 3)
    assert values["micro_f1"] == pytest.approx(2 * 0.75 / 1.75)


def test_unknown_country_matches_an_empty_side() -> None:
    pairs = [
        (
            petr("C1", (("GON", "---", "190"),)),
            coded(event("ASSAULT", ("GON",), (), cameo="190")),
        ),
        (
            petr("C2", (("GON", "ARN", "190"),)),
            coded(event("ASSAULT", ("GON",), (), cameo="190")),
        ),
    ]
    s = score(pairs, ScoringOptions(cameo_map=parse_cameo_map(CAMEO_TABLE)))
    assert s.same_actors_root == Ratio(1, 2, 0.5) and s.exact_triple == Ratio(1, 2, 0.5)


def test_exact_triple_compares_the_root_and_exact_code_the_whole_code() -> None:
    pairs = [
        (
            petr("R1", (("USAGOV", "RUS", "190"),)),
            coded(event("ASSAULT", ("USAGOV",), ("RUS",), cameo="194")),
        ),
        (
            petr("R2", (("USA", "RUS", "112"),)),
            coded(event("ACCUSE", ("USA",), ("RUS",), cameo="090")),
        ),
        (
            petr("R3", (("USA", "RUS", "112"),)),
            coded(event("ACCUSE", ("USA",), ("RUS",), cameo="112")),
        ),
        (
            petr("R4", (("USA", "RUSGOV", "112"),)),
            coded(event("ACCUSE", ("USA",), ("RUS",), cameo="112")),
        ),
    ]
    s = score(pairs, ScoringOptions(cameo_map=parse_cameo_map(CAMEO_TABLE)))
    assert s.same_actors_root == Ratio.of(4, 4)
    assert s.exact_triple == Ratio.of(2, 4)  # R2's root is 09, R4's target has no sector
    assert s.exact_code == Ratio.of(1, 4)


def test_top_event_ties_go_to_text_order() -> None:
    early = event("ACCUSE", start=2, confidence=0.8)
    late = event("REJECT", start=20, confidence=0.8)
    assert top_event([late, early]) is early
    assert top_event([early, event("AID", start=30, confidence=0.9)]).type == "AID"  # type: ignore[union-attr]
    assert top_event([]) is None
