"""Direct quotations and their speakers, from a parsed Doc.

Quote marks are paired within a paragraph (text is normalised, so every quote mark is ``"``);
an unclosed quote runs to the end of its paragraph. The speaker is the subject of the nearest
speech verb outside the quote, or of the verb the quote hangs from ("warned X to “...”"),
climbing participles and conjuncts ("saying “...”" -> the subject of the main verb). A quote
that opens a sentence and has no attribution continues the previous quote's speaker (wire style).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

SPEECH_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "warn",
        "insist",
        "write",
        "declare",
        "ask",
        "reply",
        "claim",
        "announce",
        "note",
        "urge",
        "stress",
        "explain",
        "argue",
        "accuse",
        "vow",
        "tweet",
        "describe",
        "suggest",
        "acknowledge",
        "admit",
        "deny",
        "respond",
        "conclude",
        "complain",
        "charge",
        "observe",
        "predict",
        "promise",
        "remark",
        "report",
        "believe",
        "think",
        "caution",
        "threaten",
        "demand",
        "plead",
        "quip",
        "recall",
        "confirm",
        "reiterate",
        "affirm",
        "assert",
        "disclose",
        "reveal",
        "indicate",
    }
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "ccomp", "pcomp", "acl"})


@dataclass(frozen=True, slots=True)
class FoundQuote:
    """Token range of the quoted words (quote marks excluded) and the speaker's head token."""

    start: int
    end: int
    speaker: int | None
    continued: bool = False


def subject_of(verb: Token, *, max_climb: int = 4) -> Token | None:
    """The subject of a verb, climbing through participles, conjuncts and complements."""
    current = verb
    for _ in range(max_climb + 1):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _quote_char_spans(text: str) -> list[tuple[int, int]]:
    """(content start, content end) for each quote, paired within its paragraph."""
    found = []
    for pstart, pend in _paragraphs(text):
        marks = [i for i in range(pstart, pend) if text[i] == '"']
        for open_at, close_at in zip(marks[::2], marks[1::2], strict=False):
            found.append((open_at + 1, close_at))
        if len(marks) % 2:
            found.append((marks[-1] + 1, pend))
    return found


def _speech_verb(doc: Doc, span: Span) -> Token | None:
    first = doc[span.start].sent.start
    last = doc[span.end - 1].sent.end
    inside = range(span.start, span.end)
    best: Token | None = None
    best_distance = len(doc) + 1
    for token in doc[first:last]:
        if token.i in inside or token.pos_ not in ("VERB", "AUX"):
            continue
        if token.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        distance = span.start - token.i if token.i < span.start else token.i - span.end
        if distance < best_distance:
            best, best_distance = token, distance
    if best is not None:
        return best
    for token in span:
        head = token.head
        if head.i not in inside and head.pos_ in ("VERB", "AUX"):
            return head
    return None


def find_quotes(doc: Doc) -> list[FoundQuote]:
    """All direct quotations of a parsed Doc, in text order."""
    quotes: list[FoundQuote] = []
    for cstart, cend in _quote_char_spans(doc.text):
        span = doc.char_span(cstart, cend, alignment_mode="contract")
        if span is None or not any(not t.is_punct and not t.is_space for t in span):
            continue
        verb = _speech_verb(doc, span)
        subject = subject_of(verb) if verb is not None else None
        speaker = None if subject is None else subject.i
        continued = False
        opens_sentence = span.start - doc[span.start].sent.start <= 1
        if speaker is None and verb is None and opens_sentence and quotes:
            speaker, continued = quotes[-1].speaker, True
        quotes.append(FoundQuote(span.start, span.end, speaker, continued))
    return quotes
