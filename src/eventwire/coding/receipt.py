"""Receiving material aid is aid given: the giver acts, the receiver is the recipient.

"The rebels received weapons from Iran", "Kenya received $20 million in aid from Japan",
"Sudan accepted food aid from the UN": CAMEO and PLOVER code the provision of aid (07x) with
the provider as source and the receiver as target, whichever side the sentence takes as its
subject. Lexicon rows flagged ``receipt`` (receive, accept, obtain + an object of material
aid) name such events; the giver is the object of "from", on the verb or on its object.
Without a named giver there is no actor, and no event. Receiving people ("received a
delegation from Japan") stays hosting a visit (CONSULT 043). Refusing what one is given ("would
not accept food aid from the US") is the receiver's rejection of the giver, REJECT 120 (CAMEO's
122 is the giver refusing to give).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.np import prep_objects
from eventwire.coding.roles import RoleTokens

RECEIPT_FLAG = "receipt"
GIVER_RULE = "'from' object: the giver of what the subject received"
RECEIVER_RULE = "the receiver"
REFUSED_RECEIPT_CAMEO = "120"


def giver_roles(verb: Token) -> list[RoleTokens]:
    """The "from" objects naming who gave what ``verb``'s subject received: on the verb
    ("received weapons from Iran"), else on its object or an "in"/"of" phrase of either
    ("accepted food aid from the UN", "$20 million in aid from Japan")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    holders = [verb, *objects]
    holders += prep_objects(holders, ("in", "of"))
    found: list[RoleTokens] = []
    for holder in holders:
        givers = tuple(prep_objects((holder,), ("from",)))
        if givers:
            found.append(RoleTokens(givers, GIVER_RULE))
    return found
