"""Every Chinese text of the SCORM package that is not the course's own: the launch page,
and the manifest's titles, which the platform shows in its table of contents.

An English edition adds a sibling module with the same names.
"""

LANG = "zh-CN"

# The manifest: the organisation (the course) and its one item (the SCO).
COURSE_TITLE = "关系销售"
SCO_TITLE = "关系销售：大客户与关系销售入门课程"

# launch.html: the page the platform opens, which shows the course in a frame.
LAUNCH_TITLE = "关系销售"
FRAME_TITLE = "课程内容"
NOSCRIPT = "学习平台要记录你的进度，需要浏览器启用 JavaScript。不记录进度也可以直接阅读："
NOSCRIPT_LINK = "打开课程首页"
