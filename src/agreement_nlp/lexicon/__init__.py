"""The knowledge the rules use, loaded from ``resources/``: pure lookups, no pipeline logic."""
