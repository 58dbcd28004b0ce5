"""``python -m eventwire.cli``."""

from eventwire.cli.main import run

run()
