"""Chinese full-text search for the course: segmentation and index building (no Sphinx)."""
