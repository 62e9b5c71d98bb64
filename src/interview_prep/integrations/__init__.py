"""Other programs' doors: the Sphinx extension, the MyST (Jupyter Book 2) plugin, and the
directives both share."""
