"""The catalog: bank and taxonomy files read and checked, plugins and folders found,
the validated banks cached, and what people type resolved to a field."""
