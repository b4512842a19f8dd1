"""Every Chinese text of the LMS formats that is not the course's own: the SCORM package's
launch page and manifest titles (which the platform shows in its table of contents), and the
Moodle export's category names, tags and the few words it adds to questions.

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

# The Moodle XML and GIFT export of the question banks and case tasks (tools/lms/questions.py).
CATEGORY_ROOT = "$course$/关系销售"
CHAPTER_CATEGORY = "第 {number} 章 {title}"
CASES_CATEGORY = "案例"
RIGHT, WRONG = "正确。", "错误。"
RIGHT_ANSWERS = "正确答案："
RIGHT_ORDER = "正确顺序："
ORDERING_NOTE = "（把每一步与它的位置配对）"  # ordering exported as matching, for Moodle before 4.4
POSITION = "第 {number} 位"
CASE_NAME = "案例：{title}"
TAG_CHAPTER = "第 {number} 章"
TAG_OBJECTIVE = "学习目标 {chapter}.{objective}"
TAG_DIFFICULTY = "难度 {difficulty}"
TAG_CASE = "案例"
GRADER_RUBRIC = "评分要点"
GRADER_ANSWERS = "参考答案"

# The certification test's Moodle export (tools/lms/certification_xml.py): trainer edition only.
CERT_ROOT = "认证测验（培训师）"
CERT_MUST_PASS = "合规必过"
CERT_CASE = "案例书面作答"
CERT_CASE_NAME = "认证案例：{title}"
CERT_TAG = "认证"
CERT_TAG_MUST_PASS = "合规必过"
CERT_TASK = "作答要求（{minutes} 分钟，{marks} 分）"
CERT_ANCHORS = "评分锚点"
CERT_FULL, CERT_PARTIAL, CERT_NONE = "满分", "部分得分", "不得分"
CERT_SAMPLES = "样例答案"
CERT_SAMPLE = "{level}样例（{marks} 分）"
CERT_PASS_RULE = "及格：本题至少 {pass_marks} 分。"
