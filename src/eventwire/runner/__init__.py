"""Runners: the loop that reads, codes, groups stories and writes, shared by every command."""
