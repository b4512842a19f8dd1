"""The course for learning platforms (LMS): one module per format, one command each.

- ``scorm``: the learner site as a SCORM 1.2 package (``python -m tools scorm``), with its
  manifest (``scorm_manifest``), the pages' additions (``scorm_pages``) and its texts
  (``zh``).

The Moodle XML and GIFT export of the self-check banks (``tools/exercises/export.py``,
``python -m tools export``) belongs here too and moves in once its current rework is done.
"""
