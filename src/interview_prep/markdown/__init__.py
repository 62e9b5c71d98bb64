"""The Markdown dialect the documents are written in: escaping values into it."""
