"""The store stage: coded articles into DuckDB, and the queries over them."""

from eventwire.store.duckdb_store import Store, open_store
from eventwire.store.models import EventFilter, RunSummary, StoredEvent
from eventwire.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "EventFilter", "RunSummary", "Store", "StoredEvent", "open_store"]
