"""Coding: from parsed sentences to PLOVER events with roles, modality, dates and evidence."""

from eventwire.coding.coder import CODER_VERSION, Coder, CoderOptions

__all__ = ["CODER_VERSION", "Coder", "CoderOptions"]
