"""The bank author's tools: the linter (its rule table, per-item and whole-bank rules,
wording and spelling checks) and the starter bank `banks init` writes."""
