"""Everyday uses of the words of speech, diplomacy and trade: no event.

The words PLOVER's verbal and cooperative events are reported with also say everyday things:

- A news or press conference is a statement to reporters, not a meeting: "Labour will not
  hold a daily news conference", "will host a news conference" are no meetings; a joint one
  is held with a counterpart.
- A warning of a danger is no threat: "MPs warned of the dangers of disunity", "warned that
  small firms could be crippled by the move". A warning is THREATEN only when it names an act
  of force, coercion, sanction, protest or refusal, or its consequences ("warned of
  retaliation", "warned that police will no longer tolerate rallies", "warned of serious
  consequences").
- Visiting a website is no visit: "unable to visit the official re-election site".
- A market transaction is no political event: offering, accepting or guaranteeing shares,
  bonds, deposits or stakes ("offered to acquire all Class B common shares", "branches accept
  deposits", "a cash tender offer").
- Helping to do something is taking part in it, no aid: "helped negotiate the nuclear deal",
  "to help him make decisions", "helped a Saudi teenager escape"; helping someone or with
  something stays AID ("helped the refugees", "assist with the relief effort").
- Seeking to do something is trying it, no request: "Blair sought to reassure backbenchers"
  (what is sought is a request: "sought talks", "seeks asylum"); seeking an office or a
  nomination is running for it: "sought the Democratic presidential nomination".
- Releasing a text, figures or goods is publishing or selling them, no release of captives:
  "Bolton released a book", "released its proposal", "released 4,900 tonnes of tin".
- Mobilizing people or means that are no force is no military mobilization: "mobilized
  pressure groups in the United States", "mobilize resources" ("mobilized 300,000
  reservists" stays MOBILIZE).
- Signing someone, or signing for a club, is hiring, no agreement: "Kimura was signed for
  Stardom", "signed for Chelsea"; "signed the treaty" stays SUPPORT 057.
- Declining to comment is no rejection (CAMEO 011, a statement PLOVER does not code): "refused
  to comment on the book", "declined to answer questions", "refused to say if ...".
- Meeting demand (the market's: singular, no one's possessive) is no concession: "expanding
  inventories to meet demand from investors"; "met the protesters' demands" is CONCEDE 083.
- Offering words, a feeling or a choice promises nothing: "offered his condolences", "the
  Tories offered a hard right agenda" (congratulations and apologies are SUPPORT rows).
- A price offered is a market quote, no promise: "wheat was offered at 150 dlrs a tonne",
  "processors dropped offering prices", "135 pct bid/140 offered"; an offer of nothing the
  sentence names (no object, no "to" clause, no one it is made to) is none either.
- A plan, proposal or decision that "meets with" a reaction meets no one: "the government's
  proposals have met with disapproval from fathers' rights groups".
- Agreeing with a view is no agreement (`coding/assent.py`): "Mr Wallace agreed", "agreed the
  Act was discriminatory"; "agreed to release", "agreed that talks should resume" stay AGREE.
  Accepting a fact or a feeling acknowledges it: "accepted that young people drank".

The figurative uses of the words of force are in :mod:`eventwire.coding.figurative`.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.assent import acknowledges, assents
from eventwire.coding.np import has_object_among, prep_objects
from eventwire.coding.np import lemma_of as _lemma
from eventwire.coding.np import objects_of as _objects
from eventwire.coding.np import subjects_of as _subjects
from eventwire.coding.triggers import TriggerMatch, match_entry, noun_type
from eventwire.coding.verbal_attacks import ABSTRACT_TARGETS
from eventwire.knowledge import Lexicon

PRESS_WORDS = frozenset({"news", "press"})
# What is released and is no person or property held: texts, figures, media and goods.
PUBLISHED = frozenset(
    {"book", "report", "statement", "proposal", "figure", "data", "detail", "result", "video",
     "film", "album", "song", "record", "document", "study", "survey", "plan", "list", "memo",
     "letter", "transcript", "footage", "photo", "photograph", "image", "picture", "name",
     "information", "estimate", "forecast", "budget", "guidance", "version", "update",
     "tonne", "ton", "barrel", "stock", "reserve", "supply", "oil", "tin", "gas", "grain",
     "water", "statistic", "index", "paper", "communique", "manifesto", "text", "recording"}
)  # fmt: skip
# Armed forces and their means: what a military mobilization musters.
MOBILIZE_LEMMAS = frozenset({"mobilize", "mobilise"})
FORCES = frozenset(
    {"troop", "force", "army", "soldier", "reservist", "reserve", "unit", "division",
     "brigade", "battalion", "regiment", "militia", "police", "guard", "military", "navy",
     "fleet", "tank", "jet", "aircraft", "warship", "missile", "weapon", "artillery", "man",
     "fighter", "volunteer", "conscript", "recruit", "paramilitary", "marine", "corps"}
)  # fmt: skip
# What candidates seek: an office or the nomination for one.
OFFICES = frozenset(
    {"nomination", "office", "seat", "presidency", "candidacy", "re-election", "reelection",
     "election", "post", "job", "leadership", "chairmanship", "mandate", "premiership"}
)  # fmt: skip
HELP_LEMMAS = frozenset({"help", "assist"})
# What markets trade: an offer or a guarantee of these is business, not politics.
SECURITIES = frozenset(
    {"share", "stake", "stock", "bond", "deposit", "debenture", "dividend", "mortgage",
     "equity", "tender", "takeover", "merger", "acquisition", "eurobond", "coupon"}
)  # fmt: skip
MARKET_TYPES = frozenset({"AGREE", "AID", "SUPPORT", "COOPERATE", "CONCEDE"})
# Buying or selling a business, or a share of one, is a market transaction.
TRADING_VERBS = frozenset({"buy", "sell", "purchase", "acquire"})
BUSINESSES = frozenset(
    {"company", "firm", "unit", "subsidiary", "division", "business", "hotel", "plant",
     "factory", "operation", "asset", "interest", "pct", "percent", "stake", "share", "chain",
     "brand", "store", "mill", "refinery", "bank", "insurer", "airline", "newspaper"}
)  # fmt: skip
# Pages one visits online.
WEB_PAGES = frozenset({"site", "website", "page", "webpage", "homepage", "blog", "forum", "url"})
# "refused to comment / answer / say": declining to comment, not refusing anyone anything
REFUSAL_LEMMAS = frozenset({"refuse", "decline"})
COMMENT_LEMMAS = frozenset(
    {"comment", "answer", "say", "discuss", "elaborate", "speculate", "confirm", "disclose",
     "reveal", "specify", "name", "identify", "detail", "respond", "talk", "speak", "explain",
     "estimate", "predict", "quantify", "give"}
)  # fmt: skip
# "offered his condolences", "the Tories offered a hard right agenda": an offer of words, a
# feeling or a choice put to voters promises no one anything (congratulations and apologies
# are SUPPORT by their own rows).
OFFER_LEMMAS = frozenset({"offer", "promise", "pledge"})
OFFERED_WORDS = frozenset(
    {"condolence", "sympathy", "thanks", "greeting", "wish", "prayer", "regret", "agenda",
     "choice", "vision", "alternative", "explanation", "view", "insight", "glimpse", "opinion",
     "comment", "assessment", "analysis", "example", "reason", "evidence", "economics",
     "politics", "perspective", "account", "reassurance", "excuse", "hint", "clue"}
)  # fmt: skip
# "offered at 150 dlrs", "dropped offering prices": what a market quotes.
PRICE_WORDS = frozenset(
    {"price", "rate", "bid", "yield", "premium", "discount", "coupon", "quote", "quotation"}
)  # fmt: skip
# What an offer may be made of or to: an object, a "to" clause, a recipient.
OFFER_DEPS = frozenset({"dobj", "nsubjpass", "xcomp", "ccomp", "dative", "prep"})
# A warning threatens when it names such an act, or one of these words for what will follow.
WARNING_LEMMAS = frozenset({"warn", "warning", "caution"})
THREAT_TYPES = frozenset({"THREATEN", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST",
                          "REJECT"})  # fmt: skip
THREAT_NOUNS = frozenset(
    {"consequence", "repercussion", "retaliation", "reprisal", "response", "action", "measure",
     "force", "war", "punishment", "retribution", "revenge", "price", "cost"}
)  # fmt: skip
# What a warning's content hangs on: its clause, its "of / about / against" phrase, the clause
# or phrase of the warning noun.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "advcl", "prep", "acl", "relcl"})


def everyday_use(match: TriggerMatch, lexicon: Lexicon) -> str | None:
    """Why a matched trigger is an everyday use (see the module docstring), or None when it
    may be the event its row names."""
    entry, token = match.entry, match.trigger
    lemma = entry.lemma
    if lemma == "agree" and entry.pos == "VERB" and not entry.with_dep and assents(token):
        return "agreeing with a view is no agreement"
    if lemma == "accept" and entry.pos == "VERB" and not entry.with_dep and acknowledges(token):
        return "accepting a fact or a feeling is acknowledging it, no agreement"
    if lemma == "meet" and any(_lemma(c) in ABSTRACT_TARGETS for c in _subjects(token)):
        return "a plan meets a reaction, no one"  # "the proposals have met with disapproval"
    if entry.type == "CONSULT" and entry.pos == "NOUN" and _for_the_press(token):
        return "a news conference is a statement, no meeting"
    if entry.with_lemma == "@consult" and any(_for_the_press(o) for o in _objects(token)):
        return "a news conference is a statement, no meeting"  # "will host a news conference"
    if entry.mode == "visit" and has_object_among(token, WEB_PAGES):
        return "visiting a website is no visit"
    if entry.type in MARKET_TYPES and _market_transaction(token):
        return "a market transaction is no political event"
    if entry.type == "AID" and lemma in HELP_LEMMAS and _helps_do(token):
        return "helping to do something is taking part in it, no aid"
    if entry.type == "REQUEST" and lemma == "seek" and _tries(token):
        return "seeking to do something is trying it, no request"
    if entry.type == "REQUEST" and lemma == "seek" and has_object_among(token, OFFICES):
        return "seeking an office or a nomination is running for it, no request"
    if lemma == "release" and not entry.with_dep and has_object_among(token, PUBLISHED):
        return "releasing a text, figures or goods is publishing or selling them, no release"
    if entry.type == "MOBILIZE" and lemma in MOBILIZE_LEMMAS and _musters_no_force(token):
        return "mobilizing people or means that are no force is no mobilization"
    if lemma == "sign" and not entry.with_dep and _hires(token):
        return "signing someone, or for a club, is hiring, no agreement"
    if lemma == "sign" and not entry.with_dep and has_object_among(token, ENACTED_WORDS):
        return "signing a law, decree or order enacts it, no agreement with anyone"
    if lemma == "meet" and entry.with_lemma == "demand" and _market_demand(token):
        return "meeting demand for goods is no concession"  # "to meet demand from investors"
    if entry.type == "AGREE" and lemma in OFFER_LEMMAS and has_object_among(token, OFFERED_WORDS):
        return "offering words or a choice to voters is no promise"
    if entry.type == "AGREE" and lemma == "offer" and entry.pos == "VERB" and _quotes(token):
        return "a price offered is a market quote, no promise"
    if entry.type == "REJECT" and lemma in REFUSAL_LEMMAS and _declines_comment(token):
        return "declining to comment is no rejection"
    if (
        entry.type == "THREATEN"
        and lemma in WARNING_LEMMAS
        and not _warns_of_an_act(token, lexicon)
    ):
        return "a warning of a danger is no threat"
    return None


def _market_transaction(trigger: Token) -> bool:
    """ "offered to acquire all common shares", "accept deposits", "a cash tender offer", "will
    offer a four-part bond issue": the trigger's object, its "to" clause's object or a modifier
    of the trigger or its object is a security; "agreed to purchase the Biltmore Hotel", "an
    agreement to buy 100 pct of Pioneer", "an agreement under which its unit will merge with
    ...": what its clause buys or sells is a business, or the clause merges firms."""
    words = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "compound", "amod")]
    words += [c for w in words if w.dep_ == "dobj" for c in w.children if c.dep_ == "compound"]
    deals = [
        c
        for holder in (trigger, *(c for c in trigger.children if c.dep_ == "dobj"))
        for c in holder.children
        if c.dep_ in ("xcomp", "ccomp", "acl", "relcl") and c.pos_ == "VERB"
    ]
    words += [
        g for c in deals if c.dep_ in ("xcomp", "ccomp") for g in c.children if g.dep_ == "dobj"
    ]
    if any(_lemma(w) in SECURITIES for w in words):
        return True
    for deal in deals:
        if _lemma(deal) == "merge":
            return True
        if _lemma(deal) in TRADING_VERBS and has_object_among(deal, BUSINESSES):
            return True
    return False


def _helps_do(verb: Token) -> bool:
    """ "helped negotiate the deal", "help him make decisions": a verb complement."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" for c in verb.children)


def _tries(verb: Token) -> bool:
    """ "sought to reassure": a "to" clause and nothing sought."""
    children = list(verb.children)
    return any(c.dep_ == "xcomp" for c in children) and not any(c.dep_ == "dobj" for c in children)


def _musters_no_force(verb: Token) -> bool:
    """ "mobilized pressure groups in the United States", "mobilize resources": objects, none
    of them armed forces or their means ("mobilized 300,000 reservists" stays)."""
    objects = _objects(verb)
    return bool(objects) and not any(_lemma(o) in FORCES for o in objects)


# what one signs into force alone: "Putin signed a decree annexing ...", "signed the bill"
ENACTED_WORDS = frozenset(
    {"law", "decree", "bill", "order", "legislation", "budget", "ordinance", "edict", "act",
     "amendment", "measure", "directive", "proclamation", "pardon", "warrant"}
)  # fmt: skip


def _hires(verb: Token) -> bool:
    """ "signed the striker", "was signed for Stardom", "signed for Chelsea": a person signed,
    or signing for a club; not "signed the treaty" (the rows naming documents come first)."""
    people = [o for o in _objects(verb) if o.ent_type_ == "PERSON"]
    for_a_club = any(g.pos_ == "PROPN" for g in prep_objects((verb,), ("for",)))
    return bool(people) or for_a_club


def _market_demand(verb: Token) -> bool:
    """ "meet demand (from investors)": demand in the singular with no one's possessive is the
    market's; "met the protesters' demands", "meet their demand" are someone's."""
    demands = [o for o in _objects(verb) if _lemma(o) == "demand"]
    return bool(demands) and all(
        o.tag_ == "NN" and not any(c.dep_ == "poss" for c in o.children) for o in demands
    )


def _declines_comment(verb: Token) -> bool:
    """ "refused to comment", "declined to answer questions": the refused act is speech."""
    return any(c.dep_ == "xcomp" and _lemma(c) in COMMENT_LEMMAS for c in verb.children)


def _warns_of_an_act(warning: Token, lexicon: Lexicon) -> bool:
    """Does a warning's content name an act of force, coercion, sanction, protest or refusal,
    or what will follow ("consequences")?"""
    content = [t for c in warning.children if c.dep_ in CONTENT_DEPS for t in c.subtree]
    for token in content:
        if token.pos_ in ("NOUN", "PROPN"):
            if _lemma(token) in THREAT_NOUNS or noun_type(token, lexicon) in THREAT_TYPES:
                return True
        elif token.pos_ == "VERB":
            entry = match_entry(token, lexicon.candidates(_lemma(token), "VERB"), lexicon)
            if entry is not None and entry.type in THREAT_TYPES:
                return True
    return False


def _for_the_press(noun: Token) -> bool:
    """ "a news conference", "a press briefing": held for reporters, not with a counterpart
    ("a joint news conference with the Chinese foreign minister" is held with one; "news
    conferences with Charles Kennedy" only feature him)."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    return bool(words & PRESS_WORDS) and "joint" not in words


def _quotes(offer: Token) -> bool:
    """Does the verb "offer" quote a price ("offered at 150 dlrs", "dropped offering prices")
    or offer nothing the sentence names ("135 pct bid/140 offered")?"""
    if any(_lemma(w) in PRICE_WORDS for w in _objects(offer)):
        return True
    # "was offered at 150 dlrs"; not "offered loans at low rates", an offer of loans
    at = prep_objects((offer,), ("at",))
    priced = any(
        _lemma(o) in PRICE_WORDS or o.like_num or any(c.like_num for c in o.children) for o in at
    )
    if priced and not any(c.dep_ == "dobj" for c in offer.children):
        return True
    return not any(c.dep_ in OFFER_DEPS for c in offer.children)
