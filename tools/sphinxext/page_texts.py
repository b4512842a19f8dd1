"""Every text the course's own page scripts show, per language: the self-checks, the progress
page, the browser store's notice and the confirmation dialog.

The analysis tools keep theirs with the rest of their texts (``tools/widgets/zh.py``).
Texts that take values use ``{name}`` placeholders, filled by the scripts. An English
edition adds an ``"en"`` table with the same keys.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, dict[str, str]]] = {
    "zh_CN": {
        # course-store.js, said once by every interactive part of a page when the browser
        # keeps nothing (storage missing, blocked or full).
        "store": {
            "unavailable": (
                "这个浏览器不允许本站保存数据：本页照常可以使用，但离开或刷新页面后，这里的作答和输入都不会保留。"
            ),
        },
        # course-scorm.js (SCORM package only): inside a learning platform the state is kept by
        # the platform, so the pages' sentences about the browser (spans of class
        # course-storage-note, by their data-note) say so instead.
        "platform": {
            "progress": "进度保存在学习平台上，换一台电脑登录平台也能接着学",
            "final": "作答和成绩保存在学习平台上，刷新页面不会丢；换一台电脑登录平台也能接着看到。",
            "review": "复习记录保存在学习平台上",
            "tools": "你填写的内容保存在学习平台上，下次从平台打开本页时自动恢复",
        },
        # course-confirm.js: the dialog before anything is thrown away.
        "dialog": {
            "cancel": "取消",
        },
        # course-quiz.js: the self-checks of a chapter.
        "quiz": {
            "true": "对",
            "false": "错",
            "check": "检查答案",
            "reveal": "显示答案",
            "retry": "重做",
            "choose_all": "选择所有正确的选项",
            "choose_one": "选择一个答案",
            "order_label": "当前顺序（用“上移”“下移”按钮调整）",
            "up": "↑ 上移",
            "down": "↓ 下移",
            "up_label": "上移：{step}",
            "down_label": "下移：{step}",
            "moved": "“{step}”移到第 {n} 位",
            "choose_placeholder": "请选择…",
            "incomplete_matching": "请先为每一项选择一个配对。",
            "incomplete": "请先选择答案。",
            "verdict_correct": "✓ 回答正确。",
            "verdict_wrong": "✗ 还不对。",
            "verdict_revealed": "答案已显示（这题不计为答对）。",
            "statement_true": "这句话是对的。",
            "statement_false": "这句话是错的。",
            # A wrong try: why each wrong pick is wrong, where to read again; never the answer.
            "wrong_pick": "你选的 {letter}：{explanation}",
            "wrong_steps": "有 {n} 项的位置不对。",
            "wrong_pairs": "有 {n} 个配对不对。",
            "wrong_section": "再读一读“{section}”，然后点“重做”再试一次。",
            "section_fallback": "相关内容",
            "tag_correct_option": "正确选项",
            "tag_wrong_option": "错误选项",
            "option_line": "{letter}（{tag}）：{explanation}",
            "right_order": "正确顺序：{order}",
            "pair_line": "{n}. {left} → {right}：{explanation}",
            "score": "本章得分：答对 {right} / {total} 题（已作答 {done} 题），其中一次答对 {first} 题",
            "reset": "清除本章进度",
            "reset_title": "清除本章进度？",
            "reset_body": "本章 {total} 道自测题的作答记录都会删除，删除后不能恢复。",
            "reset_confirm": "清除本章进度",
            "reset_done": "本章进度已清除。",
            "number": "第 {n} 题",
        },
        # course-quiz.js on the progress page.
        "progress": {
            "static_summary": "进度保存在你的浏览器里；启用 JavaScript 后这里显示每章的作答情况。",
            "col_chapter": "章节",
            "col_total": "题数",
            "col_done": "已作答",
            "col_correct": "答对",
            "col_first": "一次答对",
            "summary": "全部 {total} 题：已作答 {done} 题，答对 {right} 题，其中一次答对 {first} 题。",
            "reset": "清除全部进度",
            "reset_title": "清除全部进度？",
            "reset_body": (
                "所有章节的自测作答、复习记录、模拟测验的成绩和对话练习的结局都会删除，删除后不能恢复；客户档案不受影响。"
            ),
            "reset_confirm": "清除全部进度",
            "reset_done": "全部进度已清除。",
            "review_link": "去复习",
        },
        # course-final.js: the final test.
        "final": {
            "static": (
                "启用 JavaScript 后，这里每次随机抽出一套 30 题的测验并自动评分；"
                "现在显示的是可以打印的纸质版（A 卷、B 卷）。"
            ),
            "intro": "共 {total} 题，答对 {cut} 题及以上为通过。作答中不提示对错，交卷后显示成绩和每章的结果。",
            "start": "开始测验",
            "again": "再考一次",
            "in_progress": "测验进行中：共 {total} 题，答对 {cut} 题及以上为通过。答案随时保存，刷新页面也不会丢。",
            "submit": "交卷",
            "submit_title": "还有题没答，确定交卷？",
            "submit_body": "还有 {n} 题没有作答，交卷后按答错计算。",
            "submit_confirm": "交卷",
            "result": "成绩：答对 {right} / {total} 题（{percent}%），通过线是 {cut} 题。",
            "verdict_passed": "✓ 通过。",
            "verdict_failed": "✗ 未通过：需要答对 {cut} 题。看看下面答错的题对应哪些小节，读完再考一次。",
            "col_chapter": "章节",
            "col_right": "答对",
            "missed": "答错或没答的题（点小节名回去重读）：",
            "missed_line": "第 {n} 题（{chapter}）：{section}",
            "history": "以往的测验：",
            "history_line": "{date}：答对 {right} / {total} 题，{verdict}",
            "passed": "通过",
            "failed": "未通过",
        },
        # course-review.js: spaced review and its count on the progress page.
        "review": {
            "static": "启用 JavaScript 后，这里列出今天该复习的题。复习记录保存在你的浏览器里。",
            "due": "今天有 {n} 道题该复习（另有 {later} 道题还没到复习的日子）。",
            "none_due": "今天没有要复习的题。还有 {later} 道题在等待复习，最近的一道在 {days} 天后。",
            "empty": "现在没有要复习的题：自测题答错或点了“显示答案”的题，会在第二天出现在这里。",
            "next": "已记下：这道题进入第 {box} 组，{days} 天后再复习。",
            "learnt": "已记下：这道题连续答对，不再安排复习。",
            "progress_due": "复习：今天有 {n} 道题该复习（共 {total} 道在复习中）。",
        },
        # The course home and the chapters' time line (course_path.py, course-home.js).
        "home": {
            "time_label": "用时：",
            "time": "阅读约 {read} 分钟，练习约 {practise} 分钟（自测 {items} 题，对话 {conversations} 段）",
            "chapter": "第 {n} 章 · {title}",
            "col_chapter": "章",
            "col_read": "阅读（分钟）",
            "col_practise": "练习（分钟）",
            "col_total": "合计（分钟）",
            "total": "八章合计",
            "state_none": "· 未开始",
            "state_progress": "· 学习中：自测已答 {done}/{total} 题",
            "state_done": "· 已完成：一次答对 {first}/{total} 题",
            "next": "继续：{title}",
            "start": "从这里开始：{title}",
            "all_done": "八章的自测都做完了：去做模拟测验，或复习今天到期的题。",
            "review_due": "今天有 {n} 道题该复习。",
            "review_none": "今天没有到期的复习题。",
        },
        # course-worksheets.js: worksheets filled in on screen, kept per account; and the
        # account file (course-account.js). The reader's own data: kept in this browser only.
        "worksheets": {
            "account": "客户",
            "deal": "这一单",
            "none": "（还没有客户）",
            "no_deal": "（还没有商机）",
            "new_account": "新建客户",
            "new_deal": "新建商机",
            "rename": "改名",
            "delete": "删除客户",
            "delete_deal": "删除这一单",
            "name_prompt": "客户的名称",
            "deal_prompt": "这一单的名称",
            "default_account": "我的客户",
            "default_deal": "第一单",
            "created": "已新建：{name}。",
            "renamed": "已改名为：{name}。",
            "deleted": "已删除：{name}。",
            "undo": "撤销",
            "undone": "已撤销：{name} 恢复了。",
            "delete_title": "删除“{name}”？",
            "delete_body": "它的表格答案、关系图和采购分析都会删除；删除后可以马上撤销。",
            "delete_confirm": "删除",
            "clear": "清空这张表",
            "clear_title": "清空这张表？",
            "clear_body": "这个客户在这张表上填写的内容都会删除；清空后可以马上撤销。",
            "clear_confirm": "清空",
            "cleared": "已清空这张表。",
            "saved_note": (
                "填写的内容只保存在这个浏览器里，按客户分开存放；要交给主管或换设备，用下面的按钮保存成文件。"
            ),
            "print": "打印（A4）",
            "save_md": "保存为文字稿",
            "save_json": "保存为 JSON",
            "load": "从文件载入……",
            "loaded": "已从文件载入：{name}。",
            "load_title": "载入“{name}”？",
            "load_body": "这个浏览器里已经有同名的客户。载入会替换它的内容；载入后可以马上撤销。",
            "load_confirm": "替换",
            "load_error": "文件读不出来：{detail}。这个浏览器里的内容没有改动。",
            "load_error_json": "它不是 JSON 文件",
            "load_error_format": "它不是本课程保存的客户档案",
            "load_error_account": "档案里没有可用的客户",
            "load_error_file": "浏览器打不开这个文件",
            "row": "第 {n} 行",
            "field": "{label}",
            "file_title": "客户档案：{name}",
            "exported": "导出于 {date}",
            "empty_sheet": "这张表还没有填写。",
            "no_map": "还没有存入关系图：在关系分析工具里点“存入客户档案”。",
            "no_deals": "还没有存入采购分析：在采购因素分析工具里点“存入客户档案”。",
            "actions": "本周的行动",
            "no_actions": "还没有写下本周的行动：客户计划的第七部分、盘点表的第七组填好后，会列在这里。",
            "gaps": "待查清",
            "open_tool": "在工具里打开",
            "save_to_file": "存入客户档案",
            "saved_to_file": "已存入客户档案：{account}。",
            "saved_deal": "已存入客户档案：{account} · {deal}。",
            "map": "关系图",
            "deals": "采购分析",
            "sheets": "表格",
            "loading": "正在加载分析引擎……",
        },
        # course-dom.js: in the in-app browser of a chat app (pages with downloads or print).
        "inapp": {
            "note": (
                "你正在{app}里打开本页：这里不能下载文件，也不能打印。"
                "请点右上角的“…”，选“在浏览器中打开”；只想换设备接着学，可以用“复制进度码”。"
            ),
            "wechat": "微信",
            "wecom": "企业微信",
            "dingtalk": "钉钉",
            "feishu": "飞书",
        },
        # course-transfer.js on the progress page: progress that travels, and the learner record.
        "transfer": {
            "static": "启用 JavaScript 后，这里可以导出和导入学习进度，也可以导出交给培训师的学习记录。",
            "export_heading": "在另一台设备上接着学",
            "export_intro": (
                "进度只保存在这台设备的浏览器里。要在另一台电脑或手机上接着学，"
                "先在这里导出进度文件或复制进度码，再到那台设备的本页导入。"
                "导出的内容包括自测作答、复习记录、模拟测验成绩、对话练习的结局、工具里填的内容和客户档案。"
            ),
            "export_file": "导出进度文件",
            "file_name": "关系销售-学习进度-{date}",
            "exported": "进度文件已导出。在另一台设备打开本页，选“从文件导入”。",
            "export_code": "复制进度码",
            "code_label": "进度码",
            "code_copied": "进度码已复制（{n} 个字符）：可以发给自己，在另一台设备的本页粘贴后导入。",
            "code_manual": "没能自动复制：请选中上面的进度码，手动复制。",
            "import_heading": "导入进度",
            "import_intro": (
                "导入时会先列出将要发生的变化，确认后才写入。同一道题两边都答过的，以较晚的作答为准；"
                "工具和客户档案两边都有的，保留本机的。"
            ),
            "import_file": "从文件导入……",
            "paste_placeholder": "或者把进度码粘贴在这里",
            "import_code": "导入进度码",
            "empty": "内容是空的",
            "too_large": "文件太大",
            "bad_code": "进度码不完整，可能复制时少了一段",
            "not_json": "文件内容无法读取",
            "not_ours": "这不是本课程导出的进度",
            "is_record": "这是交给培训师的学习记录，不是进度文件",
            "other_version": "这份进度来自另一个版本的课程（第 {version} 版）",
            "refused": "没有导入：{why}。本机的进度没有改动。",
            "nothing": "这份进度和本机的一样，没有需要导入的内容。",
            "preview_title": "导入这份进度？",
            "preview_body": "这份进度导出于 {date}。导入后：",
            "preview_confirm": "导入",
            "cancelled": "已取消，本机的进度没有改动。",
            "quiz_line": "自测题：新增 {added} 题，{newer} 题换成较晚的作答，{kept} 题保留本机较晚的作答",
            "review_line": "复习记录：更新 {review} 题",
            "tests_line": "模拟测验：加入 {tests} 次成绩",
            "endings_line": "对话练习：新到达 {endings} 个结局",
            "tools_line": "工具：新增 {tools} 项填写，{toolsKept} 项保留本机的",
            "accounts_line": "客户档案：新增 {accounts} 个，{accountsKept} 个保留本机的",
            "done": "已导入：{summary}。",
            "record_heading": "学习记录（交给培训师）",
            "record_intro": (
                "培训师可能请你交一份学习记录：它只包括你的名字、每章自测的完成情况、模拟测验的最好成绩和完成的对话练习，"
                "不包括你在工具和工作表里填写的客户内容。学习记录用于培训师了解进度、辅导学习，不作认证依据；认证在学习平台或纸质试卷上进行。"
            ),
            "record_name": "你的姓名",
            "record_export": "导出学习记录",
            "record_need_name": "请先填写姓名。",
            "record_file": "学习记录-{name}-{date}",
            "record_exported": "学习记录已导出，把这个文件交给培训师即可。",
            "history_static": "启用 JavaScript 后，这里显示你做模拟测验的成绩。",
            "history_none": "还没有做过模拟测验。",
            "history_best": "最好成绩：答对 {right} / {total} 题；共交卷 {n} 次（本机保留最近 10 次）。",
            "history_date": "日期",
            "history_score": "答对",
            "history_verdict": "结果",
            "history_passed": "通过",
            "history_failed": "未通过",
        },
        # course-cohort.js: the trainer edition's cohort page, which reads learner records.
        "cohort": {
            "static": "启用 JavaScript 后，这里可以读入学员交来的学习记录文件，汇总成一张表。",
            "pick": "选择学习记录文件……",
            "drop": "也可以把一批学习记录文件拖到这里。文件只在这个浏览器里读取，不上传到任何地方。",
            "csv": "导出 CSV",
            "csv_file": "学习记录汇总",
            "read": "已读入 {added} 份记录，表中共 {total} 位学员。",
            "skipped": "以下文件不是学习记录，已跳过：{files}。",
            "col_name": "姓名",
            "col_date": "导出日期",
            "col_best": "模拟测验最好成绩",
            "col_conversations": "完成的对话",
            "cell": "{right}/{answered}/{total}",
            "cell_title": "共 {total} 题，已作答 {answered} 题，答对 {right} 题",
            "best": "{best}%（{attempts} 次）",
            "conversations": "{finished} / {total}",
        },
        # The certification test's pages (trainer edition only; tools/exercises/certification_render.py).
        "certification": {
            "cell_chapter": "章",
            "cell_level": "层次",
            "cell_drawn": "每卷抽题",
            "cell_pool": "题库里有",
            "must_pass": "合规必过题",
            "total": "合计",
            "form": "{form} 卷",
            "form_note": "共 {count} 题：按蓝图抽出的 {main} 题，加上 {must} 道合规必过题（标有“必过”）。",
            "must_mark": "必过",
            "key": "{form} 卷答案与解析",
            "grid": "{form} 卷计分表",
            "grid_number": "题号",
            "grid_item": "题目编号",
            "grid_answer": "答案",
            "grid_mark": "对（✓）/ 错（✗）",
            "grid_main": "蓝图题答对：＿＿＿ / {main}（至少 {cut} 题）",
            "grid_must": "合规必过题答对：＿＿＿ / {must}（必须全对）",
            "grid_case": "案例书面作答：＿＿＿ / {marks} 分（至少 {pass_marks} 分）",
            "grid_verdict": "结论：□ 通过　□ 未通过　　评分人：＿＿＿＿　日期：＿＿＿＿",
            "grid_learner": "学员姓名：＿＿＿＿＿＿　　部门：＿＿＿＿＿＿",
            "case_task": "作答要求（{minutes} 分钟，{marks} 分）",
            "case_lines": "作答区",
            "rubric": "评分表",
            "rubric_criterion": "评分项",
            "rubric_full": "满分",
            "rubric_partial": "部分得分",
            "rubric_none": "不得分",
            "samples": "样例答案",
            "sample": "{level}样例（{marks} 分）",
            "pass_case": "本题至少 {pass_marks} 分为合格。",
            "angoff": "切分分数评定表（安格夫法）",
            "angoff_note": "每位评审人估计：一位刚好合格的学员答对这道题的概率（0–100%）。",
            "angoff_number": "题号",
            "angoff_item": "题目编号",
            "angoff_judge": "评审人 {n}",
            "angoff_mean": "平均",
            "angoff_sum": "各题平均之和 ÷ 100 = 建议切分分数：＿＿＿ / {main}",
        },
    },
}

DEFAULT_LANGUAGE = "zh_CN"


def texts(language: str = DEFAULT_LANGUAGE) -> dict[str, dict[str, str]]:
    """The table for ``language`` (``zh_CN`` or ``zh-CN``)."""
    key = (language or DEFAULT_LANGUAGE).replace("-", "_")
    if key not in TEXTS:
        raise KeyError(f"no page-script texts for language {language!r} (have: {', '.join(TEXTS)})")
    return TEXTS[key]
