"""Conversation practice (对话练习): the data model and its rules (``model``), the static
and data HTML (``render``), and the Chinese texts (``zh``). The Sphinx directive is
``tools.sphinxext.conversation``; the player is ``course-conversation.js``."""
