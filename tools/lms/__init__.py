"""The course for learning platforms (LMS): one module per format, one CLI entry (``cli``).

- ``scorm``: the learner site as a SCORM 1.2 package (``python -m tools scorm``), with its
  manifest (``scorm_manifest``) and the pages' additions (``scorm_pages``).
- ``moodle_xml`` and ``gift``: the self-check banks and the case tasks as Moodle questions
  (``python -m tools export``); what the two formats share, the mapping of items to
  questions, categories and tags, is ``questions``; what they read from the course sources
  (chapters, case sections) is ``course``.
- ``zh``: every Chinese text the formats add.
"""
