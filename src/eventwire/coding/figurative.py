"""Everyday and figurative uses of the words of force: no event.

News reuses the words of seizure and violence for office, contests and hardship:

- Taking over a post is assuming it, not seizing anything: "took over as the presidential
  nominee", "took over at the Home Office from Jack Straw", "take over the presidency of the
  EU", "take over guarding captured fighters", "Harold Wilson took over" (a person, no
  object); "rebels took over the town", "the army took over" stay COERCE 192.
- A contest is no fight: an election or a game ("to beat Labour" in a sentence about seats,
  "the cup clash between the Glasgow clubs", "a leadership battle", "a legal battle").
- A clash between politicians (persons by name, politicians by title) is a dispute: "the two
  political leaders clashed", "Blair and Howard clashed in the Commons".
- A clash or battle over a policy is a dispute: "Blair and Brown clashed over the euro",
  "Blunkett's battle with the police chief over intelligence failures"; "tribes clashed over
  grazing land" stays ASSAULT.
- Fighting a thing is tackling it: "to fight anti-social behaviour", "fight corruption";
  fighting someone ("fight the Taliban") or a war stays ASSAULT.
- Firing something that is no munition at someone is a figure of speech: "using his Budget to
  fire both barrels at the opposition", "fired questions at the minister".
- Seizing or capturing a chance is no seizure: "seizing a poll advantage", "captured the
  imagination", "captured 40 percent of the vote".
- Hardship is no attack: what a hurricane, an epidemic or a recession does ("Bermuda was hit by
  hurricanes", "the virus killed three people"), and what a strike or a tax does ("the strike
  hit Jobcentres", "the war had hit trust in politicians"); a strike that kills or a country's
  ("a US strike killed five militants", "an Israeli strike hit a house") is an attack.
- Withdrawing from a race or contest, or withdrawing a name, bid, plan or threat, is no
  retreat of forces: "withdrew from the race", "withdrew his name from consideration".
- Calling an election, a race or a seat (for someone) is no request: "the Associated Press
  called the election for Biden", "called a snap election".
- Killing or culling animals is no attack: "ordered the killing of 300,000 pigs".
- A measure hitting a level is no attack: "trading volume hit a record 122,819 contracts",
  "unemployment hit 20 percent"; "the missile hit three buildings" stays ASSAULT.
- Giving way to a thing is being replaced by it, no concession: "optimism has given way to a
  pessimistic outlook"; giving way to someone, to pressure or to a demand ("gave way to the
  strikers' demands") stays CONCEDE.

The everyday uses of the words of speech, diplomacy and trade are in
:mod:`eventwire.coding.everyday_acts`.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.actor_objects import is_actor_phrase
from eventwire.coding.np import MODIFIER_DEPS, has_object_among, prep_objects
from eventwire.coding.np import lemma_of as _lemma
from eventwire.coding.np import objects_of as _objects
from eventwire.coding.np import subjects_of as _subjects
from eventwire.coding.triggers import TriggerMatch, noun_type, time_phrase
from eventwire.coding.verbal_attacks import ABSTRACT_TARGETS
from eventwire.knowledge import Lexicon

# "take over as nominee / at the Home Office / from Straw": the post, not a seizure.
POST_PREPS = frozenset({"as", "at", "from"})
POST_NOUNS = frozenset(
    {"presidency", "chairmanship", "chair", "leadership", "helm", "rein", "role", "job",
     "post", "position", "duty", "office", "portfolio", "brief", "responsibility", "running",
     "management", "captaincy", "premiership", "mantle", "seat", "function", "task",
     "command", "coverage", "business", "company", "firm", "franchise", "contract"}
)  # fmt: skip
# What one gives way to when one concedes, beside someone and a demand noun of the lexicon.
PRESSURES = frozenset({"pressure", "demand", "call", "threat", "ultimatum"})
# Words that make a fight a contest: sport and elections.
CONTEST_WORDS = frozenset(
    {"election", "vote", "seat", "poll", "race", "ballot", "constituency", "majority",
     "nomination", "primary", "referendum", "by-election", "runoff", "run-off", "place",
     "match", "game", "final", "semi-final", "quarter-final", "cup", "league", "title",
     "championship", "tournament", "derby", "fixture", "club", "team", "player", "squad",
     "goal", "point", "season", "olympic", "olympics", "medal", "football", "rugby",
     "cricket", "tennis", "boxing", "basketball", "golf", "qualifier", "friendly"}
)  # fmt: skip
# Contest words that also name places, moments or people: they make no beating a contest.
LOOSE_CONTEST_WORDS = frozenset({"place", "point", "team", "club", "player", "squad", "goal"})
# Modifiers of a clash, battle or fight that make it no violence.
CONTEST_MODIFIERS = CONTEST_WORDS | frozenset(
    {"electoral", "leadership", "legal", "court", "courtroom", "political", "policy",
     "budget", "ideological", "verbal", "television", "tv", "bidding", "takeover", "ratings",
     "custody", "boardroom", "campaign", "party", "cabinet", "parliamentary", "word",
     "sporting", "sports", "semifinal"}
)  # fmt: skip
# "withdrew from the race", "withdrew his nomination", "withdraw this threat": no retreat of
# forces (a withdrawn threat or demand is CONCEDE by its own rows).
WITHDRAW_LEMMAS = frozenset({"withdraw", "withdrawal", "pull"})
WITHDRAWN_THINGS = frozenset(
    {"name", "candidacy", "candidature", "bid", "application", "nominee", "candidate", "contest",
     "campaign", "competition", "leadership", "contention", "running", "website", "site",
     "threat", "ultimatum", "offer", "resignation", "complaint", "lawsuit", "suit", "motion",
     "amendment", "advert", "advertisement", "poster", "product", "drug", "recall"}
)  # fmt: skip
# Politicians by title: their clashes are disputes ("the two party leaders clashed").
POLITICIAN_WORDS = frozenset(
    {"leader", "politician", "minister", "chancellor", "mp", "candidate", "president",
     "premier", "senator", "congressman", "lawmaker", "legislator", "secretary", "spokesman",
     "spokeswoman", "rival", "opponent", "deputy"}
)  # fmt: skip
DISPUTE_LEMMAS = frozenset({"clash", "battle", "fight", "fighting", "row", "spar", "tussle"})
# What a political dispute is over, besides the plans and policies one criticises.
ISSUES = ABSTRACT_TARGETS | frozenset(
    {"euro", "failure", "issue", "funding", "question", "matter", "future", "direction",
     "pension", "immigration", "asylum", "education", "health", "tuition", "fee", "europe",
     "constitution", "referendum", "vote", "election", "tactics", "money", "cut"}
)  # fmt: skip
FIGHT_LEMMAS = frozenset({"fight", "battle", "combat"})
# What one fights for in a struggle that is no violence: "fighting for her job / his life".
PERSONAL_STAKES = frozenset(
    {"job", "life", "survival", "seat", "vote", "place", "future", "career", "compensation",
     "recognition", "custody", "nomination", "re-election", "reelection", "pension", "right"}
)  # fmt: skip
CONTEST_LEMMAS = frozenset({"beat", "defeat", "clash", "battle", "fight", "fighting", "thrash"})
# What one fires: munitions and the weapons that fire them.
MUNITIONS = frozenset(
    {"shot", "round", "bullet", "shell", "missile", "rocket", "mortar", "grenade", "volley",
     "salvo", "gas", "cannon", "artillery", "weapon", "gun", "rifle", "pistol", "torpedo",
     "flare", "arrow", "projectile", "ammunition", "munition", "bomb", "battery", "burst",
     "barrage", "dart", "pellet", "bolt", "warning", "canister", "shotgun"}
)  # fmt: skip
SEIZURE_LEMMAS = frozenset({"seize", "capture", "grab"})
# What one seizes or captures and is no property, place or person.
CHANCES = frozenset(
    {"advantage", "initiative", "opportunity", "chance", "moment", "lead", "momentum",
     "headline", "agenda", "imagination", "attention", "mood", "spirit", "essence", "heart",
     "vote", "percent", "share", "majority", "victory", "title", "crown", "prize", "medal",
     "place", "nomination", "limelight", "spotlight", "interest", "public", "market"}
)  # fmt: skip
# Natural forces, illness and accidents: what they do is no attack; "killed in / after /
# during / from the earthquake" says what the harm came from.
NATURAL_HARDSHIPS = frozenset(
    {"hurricane", "storm", "typhoon", "cyclone", "tornado", "earthquake", "quake", "flood",
     "flooding", "tsunami", "landslide", "mudslide", "avalanche", "drought", "wildfire",
     "bushfire", "heatwave", "lightning", "virus", "coronavirus", "disease", "outbreak",
     "epidemic", "pandemic", "flu", "influenza", "cholera", "ebola", "illness", "infection",
     "cancer", "crash", "accident", "famine", "weather", "winter", "snow", "rain", "cold",
     "heat"}
)  # fmt: skip
# Economic and political ills hit no one either, but people are killed in a crisis.
ECONOMIC_HARDSHIPS = frozenset(
    {"recession", "crisis", "downturn", "slump", "inflation", "walkout", "stoppage", "tax",
     "duty", "rise", "cut", "policy", "scandal", "row", "price", "approach", "fall", "drop",
     "decline", "collapse", "glut", "shortage", "depression", "devaluation"}
)  # fmt: skip
HARDSHIPS = NATURAL_HARDSHIPS | ECONOMIC_HARDSHIPS
CAUSE_PREPS = frozenset({"in", "after", "during", "from", "following", "amid"})
# Verbs of physical harm that hardship takes too ("hit", "kill", "destroy").
HARDSHIP_LEMMAS = frozenset(
    {"hit", "strike", "kill", "destroy", "batter", "pound", "devastate", "wound", "injure"}
)
# What a strike that is an attack does and no labour strike does.
CASUALTY_LEMMAS = frozenset({"kill", "destroy", "wound", "injure", "devastate"})
# Entities that name a country or a people: "a US strike", "an Israeli strike" is an attack.
NATION_ENTITIES = frozenset({"GPE", "NORP"})
# What hardship "hits" and one "strikes" in words: trust, the economy, a tone ("had hit trust
# in politicians", "struck a conciliatory tone"); not targets, markets or roads, which are bombed.
ABSTRACT_OBJECTS = frozenset(
    {"trust", "confidence", "economy", "profit", "sale", "growth", "share", "price",
     "income", "wage", "budget", "finance", "revenue", "output", "export", "import",
     "tourism", "industry", "morale", "reputation", "popularity", "rating", "support",
     "chance", "hope", "plan", "record", "high", "low", "headline", "mark", "peak", "level",
     "note", "button", "tone", "chord", "balance", "pose", "jackpot", "nerve", "pension",
     "saving", "benefit"}
)  # fmt: skip


# Figures a measure reaches ("hit 20 percent", "hit a record 122,819 contracts").
LEVEL_ENTITIES = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
LEVEL_WORDS = frozenset({"record", "high", "low", "peak"})
LEVEL_UNITS = frozenset(
    {"dollar", "dlr", "dlrs", "euro", "pound", "yen", "yuan", "rupee", "franc", "mark", "barrel",
     "tonne", "ton", "point", "percent", "cent", "ounce"}
)  # fmt: skip
# Animals killed, culled or hunted: no one is attacked.
ANIMALS = frozenset(
    {"animal", "pig", "hog", "chicken", "bird", "poultry", "duck", "goose", "turkey", "cow",
     "cattle", "sheep", "goat", "camel", "horse", "dog", "cat", "mink", "livestock", "whale",
     "dolphin", "seal", "shark", "fish", "deer", "wolf", "bear", "elephant", "rhino", "lion",
     "tiger", "badger", "fox", "rat", "bat", "monkey", "ape", "gorilla", "swine", "hen"}
)  # fmt: skip


def figurative(match: TriggerMatch, lexicon: Lexicon) -> str | None:
    """Why a matched trigger is an everyday or figurative use (see the module docstring),
    or None when it may be the event its row names."""
    entry, token = match.entry, match.trigger
    lemma = entry.lemma
    if lemma == "take" and entry.with_dep == "prt" and entry.with_lemma == "over":
        return _post_taken(token)
    if entry.type == "ASSAULT" and lemma in CONTEST_LEMMAS and _contest(token):
        return "a contest (election or sport) is no fight"
    if entry.type == "ASSAULT" and lemma in DISPUTE_LEMMAS and _over_an_issue(token):
        return "a clash over a policy is a dispute"
    if entry.type == "ASSAULT" and lemma in DISPUTE_LEMMAS and _between_politicians(token):
        return "a clash between politicians is a dispute"
    if lemma in FIGHT_LEMMAS and entry.pos == "VERB" and _fights_a_thing(token, lexicon):
        return "fighting a thing is tackling it"
    if lemma == "fire" and entry.with_dep == "prep" and _fires_no_munition(token):
        return "firing no munition is a figure of speech"
    if lemma in SEIZURE_LEMMAS and has_object_among(token, CHANCES):
        return "seizing a chance is no seizure"
    if lemma in HARDSHIP_LEMMAS and entry.type == "ASSAULT" and _hardship(token, lexicon):
        return "hardship is no attack"
    if entry.type == "RETREAT" and lemma in WITHDRAW_LEMMAS and _quits_no_field(token):
        return "withdrawing from a race or a plan is no retreat"
    if lemma == "call" and has_object_among(token, CONTEST_WORDS):
        return "calling an election is no request"  # "AP called the election for Biden"
    if entry.type == "ASSAULT" and _animals_only(token):
        return "killing animals is no attack"  # "ordered the killing of 300,000 pigs"
    if lemma == "give" and entry.with_lemma == "way" and _replaced_by_a_thing(token, lexicon):
        return "giving way to a thing is being replaced by it"
    return None


def _replaced_by_a_thing(verb: Token, lexicon: Lexicon) -> bool:
    """Does what something gives way to name no one, no pressure and no demand ("has given
    way to a pessimistic outlook")?"""
    words = (verb, *(c for c in verb.children if c.dep_ == "dobj"))  # "to" on "way" or verb
    yielded_to = [
        g
        for word in words
        for c in word.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return bool(yielded_to) and not any(
        is_actor_phrase(o, lexicon) or _lemma(o) in PRESSURES or noun_type(o, lexicon)
        for o in yielded_to
    )


def _animals_only(token: Token) -> bool:
    """Are the ones the act is done to animals ("culled 300,000 pigs", "the killing of
    whales")?"""
    victims = _objects(token) if token.pos_ == "VERB" else prep_objects((token,), ("of",))
    return bool(victims) and all(_lemma(v) in ANIMALS for v in victims)


def _quits_no_field(token: Token) -> bool:
    """Does a withdrawal leave a contest, or take back a plan, name or word ("withdrew from the
    race", "withdrew his name from consideration", "withdraw this threat"), rather than forces
    from a field?"""
    left = {_lemma(o) for o in prep_objects((token,), ("from", "of", "out"))}
    taken = {_lemma(o) for o in _objects(token)}
    quitting = CONTEST_WORDS | WITHDRAWN_THINGS
    return bool(left & quitting or taken & (quitting | ABSTRACT_TARGETS))


def _post_taken(verb: Token) -> str | None:
    # "took over at the Home Office from Straw", but not "took over the capital from the
    # rebels" (an object that is no post) nor "took over the city at dawn" (a time)
    objects = _objects(verb)
    if not objects or any(_lemma(o) in POST_NOUNS for o in objects):
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in POST_PREPS]
        if any(not time_phrase(p) for p in preps):
            return "taking over as / at / from: assuming a post"
    subjects = _subjects(verb)
    if not objects and subjects and all(s.ent_type_ == "PERSON" for s in subjects):
        return "a person taking over: assuming a post"  # "Harold Wilson took over"
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") or (child.dep_ == "dobj" and child.tag_ == "VBG"):
            return "taking over a task: assuming it"
        if child.dep_ in ("dobj", "nsubjpass") and _lemma(child) in POST_NOUNS:
            return "taking over a post: assuming it"
    return None


def _participants(token: Token) -> list[Token]:
    """Subjects, objects and the partners of "between", "with" and "against"."""
    found = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "with", "against"):
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            found += pobjs + [c for p in pobjs for c in p.children if c.dep_ == "conj"]
    return found


def _contest(token: Token) -> bool:
    modifiers = [c for c in token.children if c.dep_ in MODIFIER_DEPS]
    if any(_lemma(m) in CONTEST_MODIFIERS or m.lower_ in CONTEST_MODIFIERS for m in modifiers):
        return True  # "the cup clash", "a leadership battle", "a legal fight"
    if any(_lemma(p) in CONTEST_WORDS for p in _participants(token)):
        return True  # "the clash between the Glasgow clubs", "fight the election"
    if _lemma(token) not in ("beat", "defeat", "thrash"):
        return False
    # "to beat Labour in the general election": defeating a named side; people are beaten
    # ("beat opposition supporters after the election", "beat them", "Palestinians", "Ali")
    people = any(
        o.pos_ in ("PRON", "NOUN")
        or o.ent_type_ == "PERSON"
        or (o.ent_type_ == "NORP" and o.tag_ in ("NNPS", "NNS"))  # not "Argentina", misread
        for o in _objects(token)
    )
    return not people and any(
        _lemma(t) in CONTEST_WORDS and _lemma(t) not in LOOSE_CONTEST_WORDS
        for t in _tied_words(token)
    )


def _tied_words(verb: Token) -> list[Token]:
    """The words of a verb's own phrases and of the clause it completes, not of its objects
    ("hope to beat Labour in the general election")."""
    objects = _objects(verb)
    found = [
        t for t in verb.subtree if not any(o.left_edge.i <= t.i <= o.right_edge.i for o in objects)
    ]
    if verb.dep_ in ("xcomp", "advcl", "conj"):
        found += [verb.head, *(c for c in verb.head.children if c.dep_ in ("dobj", "nsubj"))]
    return found


def _fights_a_thing(verb: Token, lexicon: Lexicon) -> bool:
    """ "fight anti-social behaviour": an object that is no actor and no war or battle, nor
    what an actor does ("fought the rebels' advance", "the advance of the rebels"; not "the
    government's plans", an issue); or fighting for one's job, life or seat with no one
    fought ("fighting for her job"; not "fighting for control of the town")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    opponents = [
        c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "against", "between")
    ]
    if not objects and not opponents:
        goals = prep_objects((verb,), ("for",))
        if goals and all(_lemma(g) in PERSONAL_STAKES for g in goals):
            return True
    return bool(objects) and not any(
        is_actor_phrase(o, lexicon)
        or noun_type(o, lexicon) == "ASSAULT"
        or (_lemma(o) not in ISSUES and any(is_actor_phrase(h, lexicon) for h in _holders(o)))
        for o in objects
    )


def _holders(noun: Token) -> list[Token]:
    """Whose a noun is: its possessor and its "of" objects ("the rebels' advance")."""
    found = [c for c in noun.children if c.dep_ == "poss"]
    return found + prep_objects((noun,), ("of",))


def _fires_no_munition(verb: Token) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(_lemma(o) in MUNITIONS for o in objects)


def _hardship(verb: Token, lexicon: Lexicon) -> bool:
    causes = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not causes and verb.dep_ in ("advcl", "conj", "xcomp"):  # "..., hitting services hard"
        causes = [c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")]
    causes += [
        g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
    ]
    if any(_lemma(c) in HARDSHIPS for c in causes):
        return True  # "hit by hurricanes"
    if any(_lemma(d) in NATURAL_HARDSHIPS for d in prep_objects((verb,), CAUSE_PREPS)):
        return True  # "killed in the earthquake", "killed after floods"
    if any(noun_type(c, lexicon) == "PROTEST" and _labour_strike(c, verb) for c in causes):
        return True  # "the strike hit Jobcentres"
    reached = [*_objects(verb), *(c for c in verb.children if c.dep_ == "npadvmod")]
    figurative_object = any(
        _lemma(o) in ABSTRACT_OBJECTS or _a_level(o) for o in reached
    )  # "struck a conciliatory tone", "hit a record 122,819 contracts", "hit 20 percent"
    return _lemma(verb) in ("hit", "strike") and figurative_object


def _a_level(noun: Token) -> bool:
    """Is the noun a figure reached ("20 percent", "$100", "a record 122,819 contracts", "13.6
    billion dlrs")?"""
    if noun.ent_type_ in LEVEL_ENTITIES and (noun.pos_ == "NUM" or noun.lemma_ in ("percent", "%")):
        return True
    if _lemma(noun) in LEVEL_UNITS and any(c.dep_ == "nummod" for c in noun.children):
        return True  # "hit 13.6 billion dlrs", "hit 90 dollars a barrel"
    return any(c.dep_ in MODIFIER_DEPS and _lemma(c) in LEVEL_WORDS for c in noun.children)


def _labour_strike(strike: Token, verb: Token) -> bool:
    """A strike that kills, wounds or destroys is an attack ("a strike killed five militants"),
    and so is one a country or people makes ("an Israeli strike hit a house", "a US strike");
    a strike across a land is a stoppage ("the British strike hit Jobcentres across Britain")."""
    if _lemma(verb) in CASUALTY_LEMMAS:
        return False
    across = any(c.dep_ == "prep" and c.lower_ == "across" for c in verb.children)
    modifiers = [c for c in strike.children if c.dep_ in MODIFIER_DEPS]
    return across or not any(m.ent_type_ in NATION_ENTITIES for m in modifiers)


def _between_politicians(token: Token) -> bool:
    """ "The two political leaders clashed", "Blair and Howard clashed in the Commons": a clash
    whose every side, named as subject or "with" phrase, is a person by name or a politician
    by title (never a crowd, a force or a group) is a dispute in words."""
    sides = [s for head in _subjects(token) for s in (head, *head.conjuncts)]
    sides += prep_objects((token,), ("with", "between"))
    return bool(sides) and all(
        side.ent_type_ == "PERSON" or _lemma(side) in POLITICIAN_WORDS for side in sides
    )


def _over_an_issue(token: Token) -> bool:
    """ "clashed over the euro", "battle with X over intelligence failures": what a dispute
    is about, an "over" or "about" phrase naming a policy or an issue."""
    return any(_lemma(g) in ISSUES for g in prep_objects((token,), ("over", "about")))
