"""Chinese typesetting lint for the course text: full-width punctuation, quotation marks,
spacing between Chinese and Latin, chapter references and glossary terms.

``prose.py`` finds the prose in each kind of file, ``rules.py`` holds the rules, ``lint.py``
walks the course and applies the certain fixes; ``python -m tools.typography`` runs it.
"""
