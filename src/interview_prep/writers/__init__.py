"""Output writers: each turns one document's Markdown source into one file format.

HTML and PDF live in ``render.py``; the writers here add formats beside them, always from
the same Markdown (or its markdown-it tokens), never from a second template.
"""
