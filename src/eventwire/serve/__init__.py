"""The analyst interface: a read-only JSON API and a web page over one event store.

``create_app(store_path, settings=...)`` builds the FastAPI app; ``eventwire serve`` runs it.
"""

from eventwire.serve.app import create_app
from eventwire.serve.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
