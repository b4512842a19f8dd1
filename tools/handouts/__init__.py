"""Printable case material: one handout per case (situation and tasks), a teaching-notes
sheet per case for trainers, and assignments of chosen cases and self-check items with a
separate answer key. All of it is cut from an HTML build and typeset with WeasyPrint, the
same path as the book PDF (``tools/pdf``)."""
