"""eventwire's spaCy components, registered in this one module.

- ``eventwire_paragraphs`` (before the parser): a line break starts a new sentence.
- ``eventwire_actor_spans`` (after NER): gazetteer phrases -> ``doc.spans["ew_actors"]``; the
  span's ``kb_id_`` names the gazetteer entry (``source:phrase``). Its config takes
  ``data_dir``, ``actor_dictionaries`` / ``agent_dictionaries`` (lists of TABARI/PETRARCH
  dictionary paths imported over the gazetteer) and ``use_builtin_knowledge`` (false: the
  imported dictionaries alone).
- ``eventwire_dates`` (after NER): date expressions resolved against ``doc._.ew_anchor`` ->
  ``doc.spans["ew_dates"]`` with ``span._.ew_interval`` and ``span._.ew_date_rule``.
- ``eventwire_quotes`` (after the parser): direct quotations -> ``doc.spans["ew_quotes"]`` with
  ``span._.ew_speaker`` = index of the speaker's head token (or None).

Registration happens when :func:`register_components` is called, not at import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from eventwire.knowledge import Gazetteer, load_gazetteer
from eventwire.knowledge.spelling import SpellingIndex
from eventwire.knowledge.tabari import ImportReport, import_dictionaries
from eventwire.nlp.dates import resolve_date_with_rule
from eventwire.nlp.parse_repairs import reduced_passives
from eventwire.nlp.quotes import find_quotes

ACTORS_KEY = "ew_actors"
DATES_KEY = "ew_dates"
QUOTES_KEY = "ew_quotes"
# parts of speech of a word used as a name: "tunisian rioters", "Phillippines"
NAME_POS = frozenset({"PROPN", "ADJ"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "into", "outside"})

_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.",
    "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
]  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SEASONS = ["summer", "winter", "spring", "fall", "autumn"]
_PERIODS = ["week", "month", "year", "weekend"]


def _date_patterns() -> list[list[dict[str, Any]]]:
    rel = {"LOWER": {"IN": ["this", "last", "next", "past", "coming"]}}
    return [
        [{"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"}, rel, {"LOWER": {"IN": _PERIODS}}],
        [
            {"LOWER": {"IN": ["last", "next", "this"]}, "OP": "?"},
            {"LOWER": {"IN": _WEEKDAYS}},
            {"LOWER": {"IN": ["night", "morning", "evening", "afternoon"]}, "OP": "?"},
        ],
        [
            {"LOWER": {"IN": ["early", "mid", "late"]}},
            {"ORTH": "-", "OP": "?"},
            {"LOWER": {"IN": _MONTHS}},
        ],
        [{"LOWER": {"IN": ["last", "this", "next"]}}, {"LOWER": {"IN": _SEASONS}}],
        [
            {"LOWER": {"IN": _MONTHS}, "IS_TITLE": True},
            {"LIKE_NUM": True, "OP": "?"},
            {"ORTH": ",", "OP": "?"},
            {"SHAPE": "dddd", "OP": "?"},
        ],
        [{"LOWER": {"IN": ["today", "yesterday", "tomorrow", "tonight"]}}],
    ]


def register_extensions() -> None:
    """Declare the Doc/Span extensions eventwire's components write (idempotent)."""
    for name, default in (("ew_anchor", None), ("ew_offset", 0)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("ew_interval", "ew_date_rule", "ew_speaker"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, so paragraphs never run together."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


class ActorSpans:
    """Marks gazetteer phrases (case-sensitive) as ``ew_actors`` spans, then single words
    standing for a country or demonym in another case or with one slip of spelling
    (:mod:`eventwire.knowledge.spelling`), outside people's and other multi-word names:

    - capitals or odd case, "ISRAEL", "iSrael" (not title case: "Us" is the word);
    - lower case only for a demonym used as a name or adjective, "tunisian rioters" (the
      parser calls "turkey" in "turkey farmers" a name too);
    - a misspelling, "Phillippines", only capitalised, used as a name or adjective (first in
      its sentence only as a name: not "Hungry protesters"), with no other name word beside it
      ("Columbia Gas"), and not a place the parser knows right after "in", "at", ... ("in
      Granada").

    ``import_reports`` describes the TABARI/PETRARCH dictionaries the gazetteer was built
    from, if any (see :mod:`eventwire.knowledge.tabari`).
    """

    def __init__(
        self,
        nlp: Language,
        gazetteer: Gazetteer,
        *,
        import_reports: tuple[ImportReport, ...] = (),
    ) -> None:
        self.gazetteer = gazetteer
        self.import_reports = import_reports
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        keys = [found[0].key for found in gazetteer.entries.values()]
        keys += [f"people:{name}" for name in gazetteer.people]
        texts = [*gazetteer.entries, *gazetteer.people]
        for key, doc in zip(keys, phrase_docs(nlp, texts), strict=True):
            self.matcher.add(key, [doc])
        self.spelling = SpellingIndex.build(
            (phrase, found[0].kind) for phrase, found in gazetteer.entries.items()
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=key.split(":", 1)[0], kb_id=key))
        spans = filter_spans(spans)
        covered = {i for span in spans for i in range(span.start, span.end)}
        # a person's name, or a longer name ("British Columbia", "Greene County")
        covered |= {
            i for e in doc.ents if e.label_ == "PERSON" or len(e) > 1 for i in range(e.start, e.end)
        }
        for token in doc:
            phrase = None if token.i in covered else self._written_otherwise(token)
            if phrase is not None:
                key = self.gazetteer.entries[phrase][0].key
                spans.append(Span(doc, token.i, token.i + 1, label=key.split(":", 1)[0], kb_id=key))
        doc.spans[ACTORS_KEY] = sorted(spans, key=lambda s: s.start)
        return doc

    def _written_otherwise(self, token: Token) -> str | None:
        """The country or demonym ``token`` stands for in another case or spelling."""
        if not token.is_alpha:
            return None
        as_name = token.pos_ in NAME_POS
        same = self.spelling.same_letters(token.text)
        if same is not None and token.is_lower:  # "tunisian rioters"; "turkey farmers" no
            demonym = self.gazetteer.entries[same][0].kind == "demonym"
            return same if as_name and demonym else None
        if same is not None:  # "iSrael", "ISRAEL"; "Us" in a title is the word
            return None if token.is_title else same
        if as_name and token.text[0].isupper() and not _beside_a_name(token):
            if (token.is_sent_start and token.pos_ != "PROPN") or _named_place(token):
                return None  # "Hungry protesters ...", "arrested in Granada"
            return self.spelling.one_slip(token.text)
        return None


def _named_place(token: Token) -> bool:
    """A place name the parser knows, right after a preposition of place ("in Granada"): a
    place of its own, more likely than a misspelt country."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    after_place_word = before is not None and before.lower_ in PLACE_PREPOSITIONS
    return after_place_word and token.ent_type_ in ("GPE", "LOC", "FAC")


def _beside_a_name(token: Token) -> bool:
    """Whether a capitalised name word stands right before or after ``token`` ("Columbia Gas",
    "Dominic Cooper"): then ``token`` is part of another name, not a misspelt country."""
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours)


def phrase_docs(nlp: Language, texts: list[str]) -> list[Doc]:
    """``nlp.make_doc`` of every text, faster for many phrases sharing words.

    The tokenizer handles each blank-separated chunk on its own, so chunks are tokenized
    once and cached; a text with other whitespace, or a tokenizer with special cases that
    span a blank, falls back on ``make_doc``.
    """
    tokenizer = nlp.tokenizer
    rules: dict[str, Any] = getattr(tokenizer, "rules", None) or {}
    if any(" " in rule.strip() for rule in rules):
        return [nlp.make_doc(text) for text in texts]
    cache: dict[str, tuple[str, ...]] = {}
    docs: list[Doc] = []
    for text in texts:
        chunks = text.split(" ")
        if chunks != text.split():
            docs.append(nlp.make_doc(text))
            continue
        words: list[str] = []
        spaces: list[bool] = []
        for chunk in chunks:
            found = cache.get(chunk)
            if found is None:
                simple = chunk.isalpha() and chunk not in rules
                found = (chunk,) if simple else tuple(t.text for t in tokenizer(chunk))
                cache[chunk] = found
            words += found
            spaces += [False] * (len(found) - 1) + [True]
        spaces[-1] = False
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
    return docs


class DateSpans:
    """Finds date expressions (NER DATE entities + our patterns) and resolves them."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("DATE", _date_patterns())

    def __call__(self, doc: Doc) -> Doc:
        candidates = [ent for ent in doc.ents if ent.label_ == "DATE"]
        candidates += [doc[s:e] for _, s, e in self.matcher(doc)]
        anchor = doc._.ew_anchor
        resolved: list[Span] = []
        for span in filter_spans(candidates):
            if anchor is None:
                break
            found = resolve_date_with_rule(span.text, anchor)
            if found is None:
                continue
            interval, rule = found
            out = Span(doc, span.start, span.end, label="DATE")
            out._.ew_interval = interval
            out._.ew_date_rule = rule
            resolved.append(out)
        doc.spans[DATES_KEY] = resolved
        return doc


def quote_spans(doc: Doc) -> Doc:
    """Direct quotations with the index of their speaker's head token."""
    spans = []
    for found in find_quotes(doc):
        span = Span(doc, found.start, found.end, label="QUOTE")
        span._.ew_speaker = found.speaker
        spans.append(span)
    doc.spans[QUOTES_KEY] = spans
    return doc


def _make_actor_spans(
    nlp: Language,
    name: str,
    *,
    data_dir: str,
    actor_dictionaries: list[str],
    agent_dictionaries: list[str],
    use_builtin_knowledge: bool,
) -> ActorSpans:
    directory = Path(data_dir) if data_dir else None
    if use_builtin_knowledge and not actor_dictionaries and not agent_dictionaries:
        return ActorSpans(nlp, load_gazetteer(data_dir=directory))
    gazetteer, reports = import_dictionaries(
        [Path(p) for p in actor_dictionaries],
        [Path(p) for p in agent_dictionaries],
        base=load_gazetteer(data_dir=directory) if use_builtin_knowledge else None,
    )
    return ActorSpans(nlp, gazetteer, import_reports=reports)


def _make_date_spans(nlp: Language, name: str) -> DateSpans:
    return DateSpans(nlp)


def register_components() -> None:
    """Register eventwire's factories with spaCy (idempotent)."""
    register_extensions()
    if not Language.has_factory("eventwire_paragraphs"):
        Language.component("eventwire_paragraphs", func=paragraph_boundaries)
    if not Language.has_factory("eventwire_reduced_passives"):
        Language.component("eventwire_reduced_passives", func=reduced_passives)
    if not Language.has_factory("eventwire_quotes"):
        Language.component("eventwire_quotes", func=quote_spans)
    if not Language.has_factory("eventwire_actor_spans"):
        Language.factory(
            "eventwire_actor_spans",
            default_config={
                "data_dir": "",
                "actor_dictionaries": [],
                "agent_dictionaries": [],
                "use_builtin_knowledge": True,
            },
            func=_make_actor_spans,
        )
    if not Language.has_factory("eventwire_dates"):
        Language.factory("eventwire_dates", func=_make_date_spans)
