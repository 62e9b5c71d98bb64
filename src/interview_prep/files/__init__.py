"""Files a user names: the bounded reader, whole-or-nothing writes, and YAML with line numbers."""
