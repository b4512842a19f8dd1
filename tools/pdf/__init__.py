"""The course as an A4 book PDF: assemble the built HTML pages into one print document,
then typeset it with WeasyPrint (CSS paged media: page numbers, TOC page numbers,
bookmarks, running heads)."""
