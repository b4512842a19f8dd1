"""Course data files (question banks, case front matter, and the kinds to come):

- :mod:`.textfile` reads a file as UTF-8 within a size limit, naming file and line on failure;
- :mod:`.yamlfile` parses YAML strictly, keeping line numbers (no duplicate keys, aliases
  or deep nesting);
- :mod:`.schema` declares each kind's shape once and checks it (unknown keys with a
  suggestion, missing keys, wrong types, list lengths);
- :mod:`.labels` finds MyST labels in Markdown, outside code;
- :mod:`.errors` is the one error all of them raise, ``DataError(path, line, message, item)``.
"""
