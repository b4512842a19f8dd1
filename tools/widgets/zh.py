"""Every Chinese text of the two widgets: labels, verdicts, advice, messages and presets.

An English edition adds a sibling module with the same names. Texts that take values use
``{name}`` placeholders filled by ``str.format``. Link keys (``"rules"`` …) name chapter
sections; the Sphinx glue maps them to the labels in ``LINK_LABELS``.
"""

LANG = "zh-CN"

# Chapter sections the verdicts cite: link key -> Sphinx label.
LINK_LABELS = (
    ("rel-rules", "relationship-types-widget-rules"),
    ("rel-matrix", "relationship-types-matrix"),
    ("rel-paths", "relationship-types-paths"),
    ("rel-both-hands", "relationship-types-both-hands"),
    ("rel-third-path", "relationship-types-third-path"),
    ("rel-risks", "relationship-types-risks"),
    ("ka-participants", "key-account-difference-participants"),
    ("pf-departing", "purchase-factors-departing-rep"),
    ("pf-rules", "purchase-factors-widget-rules"),
    ("pf-gap", "purchase-factors-gap"),
    ("pf-two-levels", "purchase-factors-two-levels"),
    ("pf-sale-types", "purchase-factors-sale-types"),
    ("pf-expenses", "purchase-factors-expenses"),
    ("rm-strategies", "relationship-management-strategies"),
    ("rm-follow-up", "relationship-management-follow-up"),
)

LINK_TEXT = {
    "rel-rules": "第 3 章：关系分析工具的判断规则",
    "rel-matrix": "第 3 章：关系四象限",
    "rel-paths": "第 3 章：从局外人走到合作伙伴",
    "rel-both-hands": "第 3 章：两手都要硬",
    "rel-third-path": "第 3 章：第三条路径",
    "rel-risks": "第 3 章：停在半路的风险",
    "ka-participants": "第 1 章：谁参与，谁签字",
    "pf-departing": "第 2 章：销售走了，客户跟着走",
    "pf-rules": "第 2 章：采购因素分析工具的判断规则",
    "pf-gap": "第 2 章：关系在缝隙里起作用",
    "pf-two-levels": "第 2 章：组织与个人：两本账",
    "pf-sale-types": "第 2 章：三种销售类型",
    "pf-expenses": "第 2 章：招待费用该不该砍",
    "rm-strategies": "第 5 章：关系管理的七项策略",
    "rm-follow-up": "第 5 章：后续推销",
}

# ---------------------------------------------------------------- shared
UI = {
    "inputs": "输入",
    "result": "分析结果",
    "why": "依据",
    "see": "规则见",
    "errors_title": "以下输入需要修改",
    "errors_note": "有误的内容没有计入结果；改正后结果会自动更新，其余输入都保留着。",
    "rating_scale": "1 = 很低，5 = 很高",
    "add_contact": "添加联系人",
    "remove_contact": "删除联系人 {n}",
    "reset": "恢复示例",
    "share": "复制分享链接",
    "share_label": "分享链接",
    "share_copied": "链接已复制。",
    "share_manual": "浏览器不允许自动复制，请手动复制上面的链接。",
    "loading": "正在加载分析引擎……",
    "ready": "已就绪：修改任一输入，结果会立即重新计算。",
    "engine_failed": "分析引擎没能启动，下面显示的是示例的结果。",
    "static_note": "下面是示例数据的计算结果。启用 JavaScript 后，可以填入自己的数据重新计算。",
    "contact_legend": "联系人 {n}",
    "name": "姓名",
    "role": "角色",
    "no_result": "没有可以分析的有效输入。",
    "max_contacts_reached": "已达到 {max} 位联系人的上限。",
    "warning": "警示：",
    "list_sep": "、",
}

# ---------------------------------------------------------------- relationship map
ROLES = (
    ("decision_maker", "决策者"),
    ("purchasing_manager", "采购经理"),
    ("technical_evaluator", "技术评估"),
    ("user_department", "使用部门"),
    ("other", "其他"),
)

PERSONAL_LABEL = "个人关系"
ORGANISATIONAL_LABEL = "组织价值"
INDICATORS = (
    ("trust", "信任"),
    ("rapport", "融洽"),
    ("frequency", "接触频率"),
    ("value", "性价比优势"),
    ("fit", "方案契合"),
    ("promises", "履约记录"),
)

TYPES = (
    ("outsider", "局外人"),
    ("friend", "朋友"),
    ("supplier", "供应商"),
    ("partner", "合作伙伴"),
)
HIGH = "高"
LOW = "低"

REL = {
    "title": "关系分析",
    "chart_title": "关系四象限：每位联系人的位置",
    "chart_x": "组织价值（组织分）",
    "chart_y": "个人关系（个人分）",
    "chart_desc": "横轴是组织分，纵轴是个人分，两条虚线是 3 分的分界。",
    "chart_item": "{n} {name}：{type}",
    "chart_sep": "；",
    "col_no": "编号",
    "col_contact": "联系人",
    "col_personal": "个人分",
    "col_org": "组织分",
    "col_type": "关系类型",
    "score_line": "{label} = ({values}) ÷ 3 = {score}，{cmp} 3，记为{level}",
    "type_line": "个人分{p}、组织分{o}，对应“{type}”。",
    "path": "建议路径",
    "next": "下一步",
    "risk": "当前位置的风险",
    "account": "整个客户",
    "counts": "共 {n} 位联系人：局外人 {outsider}，朋友 {friend}，供应商 {supplier}，合作伙伴 {partner}。",
    "no_warnings": "客户层面没有触发警示：至少一位决策者高于局外人，且高于局外人的联系人不止一位。",
}

PATHS = {
    "friend": "从朋友走向合作伙伴：补组织价值，重点把方案做得更贴合客户，把答应的事兑现好。",
    "supplier": "从供应商走向合作伙伴：补个人信任，重点增加接触、培养融洽。",
    "outsider": "从局外人出发：两手都要硬，沿对角线同时提高个人关系和组织价值。",
    "partner": "已是合作伙伴：继续兑现承诺，并扩大接触面，认识客户里更多的人。",
}
PATH_LINKS = {
    "friend": "rel-paths",
    "supplier": "rel-paths",
    "outsider": "rel-third-path",
    "partner": "rel-both-hands",
}

# Next actions, one per indicator that needs work (weakest first), plus "widen" for partners.
ACTIONS = {
    "trust": "信任（{rating} 分）：把关键承诺连同日期写下来，如实介绍产品、不夸大——第 5 章“建立信任”。",
    "rapport": "融洽（{rating} 分）：坦诚相待，记住对方关心的事，让他愿意和你共事——第 3 章“两手都要硬”。",
    "frequency": "接触频率（{rating} 分）：定下固定的回访节奏，交货后回访、每季度做业务回顾——第 5 章“后续推销”。",
    "value": "性价比优势（{rating} 分）：替客户把账算清，和对手比，方案的性价比要站得住——第 3 章“两手都要硬”。",
    "fit": "方案契合（{rating} 分）：弄清客户的业务和需要，调整方案去配合它——第 5 章“动态适应”。",
    "promises": "履约记录（{rating} 分）：问清客户最看重哪些承诺并按时兑现，落空时立刻道歉并补偿——第 5 章“履行诺言”。",
    "widen": "扩大接触面：在采购、技术、使用部门和高层各认识人，别让关系只系在一个人身上——第 5 章“广泛联系”。",
}
ACTION_LINKS = {
    "trust": "rm-strategies",
    "rapport": "rel-both-hands",
    "frequency": "rm-follow-up",
    "value": "rel-both-hands",
    "fit": "rm-strategies",
    "promises": "rm-strategies",
    "widen": "rm-strategies",
}

RISKS = {
    "friend": "订单靠联系人对你本人的好感：你一离开，订单可能跟着你走，接手的同事什么也继承不到；联系人每次偏向你，都在替你担个人风险。",
    "supplier": "订单靠性价比、独有的好处、价格或垄断：一旦出现更便宜或更好的对手，或者垄断结束，没有人会在客户内部替你争取。",
    "outsider": "没有立足点：每张订单都得从零开始，选型名单上很可能已经是别人。",
    "partner": "位置最稳；要留意的是整个客户别只靠这一个人。",
}

WARNINGS = {
    "no_decision_maker": "还没有接触到决策者：联系人里没有角色为“决策者”的人。大客户的选型常由部门经理主持，拍板签字的却是高层。",
    "decision_maker_outsider": "决策者仍是局外人：{names}。大客户的选型常由部门经理主持，拍板签字的却是高层。",
    "single_thread": "整个客户只系在一个人身上：高于局外人的只有 {name}。无论离开的是你这边的销售代表，还是客户那边的这位联系人，关系都会断。",
}
WARNING_LINKS = {
    "no_decision_maker": "ka-participants",
    "decision_maker_outsider": "ka-participants",
    "single_thread": "pf-departing",
}

# ---------------------------------------------------------------- purchase factors
SALE_TYPES = (
    ("undifferentiated", "无差异销售"),
    ("brand", "品牌差异销售"),
    ("company", "企业差异销售"),
)
FACTORS = (
    ("risk", "采购风险"),
    ("benefit", "采购收益"),
    ("switching", "转换成本"),
)
SIDES = (
    ("organisation", "组织"),
    ("individual", "经办人个人"),
)
LEVELS = (
    ("low", "低"),
    ("medium", "中"),
    ("high", "高"),
)

PF = {
    "title": "采购因素分析",
    "sale_type": "销售类型",
    "chart_title": "采购三要素：组织与经办人个人的分数",
    "chart_desc": "每个要素两条横条，上面一条是组织，下面一条是经办人个人；相差 2 分或以上标为分歧。",
    "col_factor": "要素",
    "col_gap": "相差",
    "col_verdict": "判断",
    "diverges": "分歧",
    "diverges_gap": "分歧（相差 {gap}）",
    "agrees": "一致",
    "divergence": "规则一：个人与组织的利益",
    "divergence_none": "三个要素上个人和组织的分数都只差 0 或 1 分，利益大体一致。",
    "divergence_some": "在{factors}上，经办人和组织的分数相差 2 分或以上，利益分歧：这正是个人关系最可能起作用的地方。",
    "weight": "规则二：个人关系的分量",
    "weight_result": "个人关系的分量：{level}。",
    "weight_base": "{sale_type}的基础档为{level}。",
    "weight_up": "经办人个人的采购风险 {rating} 分（≥ 4），上调一档。",
    "weight_down": "组织的转换成本 {rating} 分（≥ 4），下调一档。",
    "weight_clamped_high": "调整后高于“高”，仍记为高。",
    "weight_clamped_low": "调整后低于“低”，仍记为低。",
    "emphasis": "规则三：工作重点",
    "emphasis_none": "没有触发任何一条建议：组织那本账已经分出高下，按常规维护即可。",
    "implications": "规则四：两个管理推论",
    "entertainment": "招待费用",
    "departing": "销售离职时客户跟走的风险",
    "departing_level": "风险{level}。",
}

EMPHASES = {
    "lower_individual_risk": "降低经办人的个人风险（他的个人风险 {rating} 分）：提供样板案例、试用和质量保证，帮他向上级说明为什么选你。",
    "company_difference": "建立企业层面的差异（无差异销售）：在方案、服务和技术能力上下功夫，让组织那本账分出高下。",
    "raise_switching": "提高转换成本（组织的转换成本 {rating} 分）：通过服务和系统集成，让客户离不开公司，而不是离不开某个人。",
    "divergent_concerns": "弄清经办人在{factors}上的真实顾虑，用正当的方式回应。",
}

ENTERTAINMENT = {
    "high": "可能起作用，但要按客户记账、衡量效果。",
    "medium": "只在几家相近的品牌之间有用，适度即可。",
    "low": "换不来订单，把钱投到方案和服务上。",
}

DEPARTING = {
    "high_weight_low_switching": "个人关系分量为高，组织的转换成本只有 {switching} 分（≤ 2）：客户很可能跟着销售走。",
    "low_weight": "个人关系分量为低：订单靠的是公司层面的差异，销售走了客户也不容易跟走。",
    "high_switching": "组织的转换成本 {switching} 分（≥ 4）：客户换厂家代价大，不会轻易跟人走。",
    "other": "介于两者之间：个人关系分量为{level}，组织的转换成本 {switching} 分。",
}

# ---------------------------------------------------------------- input errors
ERRORS = {
    "input_shape": "输入的格式不对：{detail}。",
    "no_contacts": "请至少填写一位联系人。",
    "too_many_contacts": "最多分析 {max} 位联系人，收到 {count} 位，只读入了前 {max} 位。",
    "contact_shape": "第 {n} 位联系人的数据格式不对，没有计入。",
    "name_empty": "第 {n} 位联系人：请填写姓名或称呼。",
    "name_too_long": "第 {n} 位联系人：姓名最多 {max} 个字，现在是 {length} 个字。",
    "name_not_text": "第 {n} 位联系人：姓名应是文字。",
    "role_unknown": "第 {n} 位联系人（{name}）：请从列表中选择角色。",
    "rating_missing": "{where}“{label}”：请填写 1 到 5 之间的整数。",
    "rating_not_number": "{where}“{label}”：“{value}”不是数字，请填写 1 到 5 之间的整数。",
    "rating_not_integer": "{where}“{label}”：“{value}”不是整数，请填写 1 到 5 之间的整数。",
    "rating_range": "{where}“{label}”：{value} 超出范围，请填写 1 到 5 之间的整数。",
    "sale_type_unknown": "请选择销售类型（无差异、品牌差异或企业差异）。",
    "preset_unreadable": "链接里的预设无法读取（{detail}），页面保留了原来的输入。",
    "preset_too_long": "链接里的预设太长（{length} 个字符，上限 {max}），页面保留了原来的输入。",
    "preset_unknown": "没有名为“{name}”的预设；可用的预设：{names}。页面保留了原来的输入。",
}
WHERE_CONTACT = "第 {n} 位联系人（{name}）的"
WHERE_SIDE = "{side}的"

# ---------------------------------------------------------------- presets
# Worked examples and trainer presets. Data for the cases is the course's own illustration
# built on the cases' facts, not figures from the sources.
PRESETS = {
    "relationship-map": (
        (
            "worked-example",
            "第 3 章的手算例子",
            {
                "contacts": [
                    {"name": "甲", "role": "purchasing_manager", "trust": 4, "rapport": 5, "frequency": 4,
                     "value": 2, "fit": 3, "promises": 2},
                    {"name": "乙", "role": "technical_evaluator", "trust": 2, "rapport": 2, "frequency": 3,
                     "value": 4, "fit": 4, "promises": 3},
                    {"name": "丙", "role": "decision_maker", "trust": 1, "rapport": 2, "frequency": 1,
                     "value": 3, "fit": 2, "promises": 2},
                ]
            },
        ),
        (
            "pinacor-before",
            "皮纳考：按地区划分时的一家经销商客户（课程编写的练习数据）",
            {
                "contacts": [
                    {"name": "经销商老板", "role": "decision_maker", "trust": 4, "rapport": 4, "frequency": 3,
                     "value": 2, "fit": 2, "promises": 3},
                    {"name": "采购主管", "role": "purchasing_manager", "trust": 3, "rapport": 4, "frequency": 4,
                     "value": 3, "fit": 2, "promises": 3},
                    {"name": "技术主管", "role": "technical_evaluator", "trust": 2, "rapport": 2, "frequency": 1,
                     "value": 3, "fit": 2, "promises": 2},
                ]
            },
        ),
        (
            "pinacor-after",
            "皮纳考：改按客户群组建团队之后的同一家经销商（课程编写的练习数据）",
            {
                "contacts": [
                    {"name": "经销商老板", "role": "decision_maker", "trust": 4, "rapport": 4, "frequency": 3,
                     "value": 4, "fit": 4, "promises": 4},
                    {"name": "采购主管", "role": "purchasing_manager", "trust": 3, "rapport": 4, "frequency": 4,
                     "value": 4, "fit": 3, "promises": 4},
                    {"name": "技术主管", "role": "technical_evaluator", "trust": 3, "rapport": 3, "frequency": 3,
                     "value": 4, "fit": 4, "promises": 3},
                ]
            },
        ),
        (
            "li-xiang",
            "李响离职前他手里的一个客户（课程编写的练习数据）",
            {
                "contacts": [
                    {"name": "设备科长", "role": "purchasing_manager", "trust": 5, "rapport": 5, "frequency": 5,
                     "value": 2, "fit": 2, "promises": 3},
                    {"name": "副厂长", "role": "decision_maker", "trust": 2, "rapport": 2, "frequency": 1,
                     "value": 2, "fit": 2, "promises": 3},
                ]
            },
        ),
    ),
    "purchase-factors": (
        (
            "worked-example",
            "第 2 章的手算例子",
            {
                "sale_type": "undifferentiated",
                "organisation": {"risk": 2, "benefit": 3, "switching": 1},
                "individual": {"risk": 4, "benefit": 3, "switching": 2},
            },
        ),
        (
            "xiao-cui",
            "小崔的一个常年客户：几家品牌相近（课程编写的练习数据）",
            {
                "sale_type": "brand",
                "organisation": {"risk": 2, "benefit": 3, "switching": 2},
                "individual": {"risk": 3, "benefit": 3, "switching": 2},
            },
        ),
        (
            "telecom-operator",
            "电信运营商的一次系统采购（课程编写的练习数据）",
            {
                "sale_type": "company",
                "organisation": {"risk": 5, "benefit": 5, "switching": 5},
                "individual": {"risk": 4, "benefit": 3, "switching": 3},
            },
        ),
    ),
}
