"""eventwire's coding knowledge: versioned data files (actors, triggers, ontology) and loaders."""

from eventwire.knowledge.gazetteer import ActorEntry, Gazetteer, PersonEntry, load_gazetteer
from eventwire.knowledge.lexicon import Lexicon, TriggerEntry, load_lexicon
from eventwire.knowledge.ontology import Ontology, load_ontology

__all__ = [
    "ActorEntry",
    "Gazetteer",
    "Lexicon",
    "Ontology",
    "PersonEntry",
    "TriggerEntry",
    "load_gazetteer",
    "load_lexicon",
    "load_ontology",
]
