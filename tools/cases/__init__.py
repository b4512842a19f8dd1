"""Case exercises: their metadata (front matter of each case page)."""
