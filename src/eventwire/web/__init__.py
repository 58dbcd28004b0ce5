"""The web: polite fetching, page extraction, RSS/Atom feeds, sources files and ``watch``."""
