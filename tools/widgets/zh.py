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
    ("pf-compliance", "purchase-factors-compliance"),
    ("rm-strategies", "relationship-management-strategies"),
    ("rm-follow-up", "relationship-management-follow-up"),
    ("ca-attack", "contested-accounts-attack"),
    ("ca-failures", "contested-accounts-failures"),
    ("ca-rival-ties", "contested-accounts-rival-ties"),
    ("wd-roles", "winning-a-deal-roles"),
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
    "pf-compliance": "第 2 章：合规红线",
    "rm-strategies": "第 5 章：关系管理的七项策略",
    "rm-follow-up": "第 5 章：后续推销",
    "ca-attack": "第 7 章：对手压价时怎样守",
    "ca-failures": "第 7 章：一再出错之后",
    "ca-rival-ties": "第 7 章：和对手走得近的人",
    "wd-roles": "第 8 章：谁在定这一单",
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
    "reset_title": "恢复示例？",
    "reset_body": "你填写的内容会被示例数据替换。",
    "reset_confirm": "恢复示例",
    "reset_done": "已恢复示例。",
    "clear": "清空",
    "clear_title": "清空全部输入？",
    "clear_body": "表单里填写的内容都会删除。",
    "clear_confirm": "清空",
    "clear_done": "已清空。填好输入后，结果会显示在下面。",
    "restored": "已恢复你上次在这个浏览器里填写的内容。",
    "presets": "载入示例数据",
    "preset_choose": "选择一组数据……",
    "preset_load": "载入",
    "preset_loaded": "已载入预设：{title}。",
    "undo": "撤销",
    "undone": "已撤销：恢复了载入预设之前的输入。",
    "show_result": "查看结果",
    "back_to_inputs": "返回修改输入",
    "pending": "还有 {n} 项没有填写；填好后会计入结果。",
    "no_result_pending": "填好输入后，这里显示分析结果。",
    "share": "复制分享链接",
    "share_label": "分享链接",
    "share_copied": "链接已复制。",
    "share_manual": "浏览器不允许自动复制，请手动复制上面的链接。",
    "loading": "正在加载分析引擎……",
    "recompute_waiting": "正在加载分析引擎，加载后会按你的输入重新计算……",
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
    "unknown_choice": "不知道",
    "unknown_rating": "不知道",
    "not_assessed": "未评估",
    "removed": "已删除{what}。",
    "removed_contact": "联系人 {n}",
    "undone_remove": "已撤销：删除的内容已恢复。",
    "undone_link": "已撤销：恢复了你原来的输入。",
    "link_title": "载入链接里的数据？",
    "link_body": "这个工具里已经有你自己填写的内容。载入后会被替换；载入以后还可以撤销。",
    "link_confirm": "载入",
    "link_kept": "保留了你原来的输入；链接里的数据没有载入。",
    "save_to_file": "存入客户档案",
    "saved_to_file": "已把关系图存入客户档案：{account}。",
    "saved_deal": "已把这次分析存入客户档案：{account} · {deal}。",
}

# ---------------------------------------------------------------- relationship map
ROLES = (
    ("decision_maker", "决策者"),
    ("purchasing_manager", "采购经理"),
    ("technical_evaluator", "技术把关人"),
    ("user_department", "使用者"),
    ("finance", "财务"),
    ("coach", "内部支持者"),
    ("other", "其他"),
)
ROLES_HINT = "可多选：一个人可以有几种角色"
# On this deal (chapter 8): "" is not assessed yet, and nothing is said about it.
STANCES = (
    ("", "未评估"),
    ("supports", "支持"),
    ("neutral", "中立"),
    ("against", "反对"),
    ("unknown", "不知道"),
)
INFLUENCES = (
    ("", "未评估"),
    ("high", "高"),
    ("medium", "中"),
    ("low", "低"),
    ("unknown", "不知道"),
)
CONTACT_FIELDS = {
    "stance": "对这一单的立场",
    "influence": "影响力",
    "rival": "和哪家对手走得近（可不填）",
    "veto": "他说过会让他换掉你的条件（可不填）",
    "keep_formal": "只保持正式往来（例如他提过不当要求）",
    "details": "立场、对手和否决条件",
}

PERSONAL_LABEL = "个人关系"
ORGANISATIONAL_LABEL = "组织价值"
# Organisational value is rated per contact: it is what this contact sees us bring his
# organisation (chapter 3, step 1), so the form says so.
ORGANISATIONAL_HINT = "按这位联系人的看法：我们给他所在的组织带来多少价值"
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
    ("unknown", "位置待定"),
)
HIGH = "高"
LOW = "低"

REL = {
    "title": "关系分析",
    "chart_title": "关系四象限：每位联系人的位置",
    "chart_x": "个人关系（个人分）",
    "chart_y": "组织价值（组织分）",
    "chart_desc": "横轴是个人分，纵轴是组织分，和第 3 章的关系四象限一致；两条虚线是中间分 3，高于 3 才算高。",
    "chart_item": "{n} {name}：{type}",
    "chart_sep": "；",
    "col_no": "编号",
    "col_contact": "联系人",
    "col_personal": "个人分",
    "col_org": "组织分",
    "col_type": "关系类型",
    "score_line": "{label} =（{values}）÷ 3 = {score}，{cmp} 3，记为{level}",
    "above": "高于",
    "not_above": "不高于",
    "type_line": "个人分{p}、组织分{o}，对应“{type}”。",
    "score_open": "{label}：{values}；有 {n} 项不知道，{outcome}",
    "open_high": "不管它们打几分都高于 3，记为高",
    "open_low": "不管它们打几分都不高于 3，记为低",
    "open_both": "它们可高可低，还定不下来",
    "type_open": "位置还定不下来，可能是{types}；先把“待查清”的几项问清楚。",
    "borderline": "在分界线上：{label}再{direction} 1 分，就成了“{type}”。打分时拿不准的那一项，先找证据核实。",
    "border_up": "高",
    "border_down": "低",
    "alerts": "先处理",
    "gaps": "待查清（不计入分数）",
    "stance_line": "对这一单：{stance}；影响力：{influence}。",
    "unknown_value": "?",
    "path": "建议路径",
    "next": "下一步",
    "risk": "当前位置的风险",
    "account": "整个客户",
    "counts": "共 {n} 位联系人：局外人 {outsider}，朋友 {friend}，供应商 {supplier}，合作伙伴 {partner}。",
    "no_warnings": "客户层面没有触发警示：至少一位决策者高于局外人，且高于局外人的联系人不止一位。",
    "counts_open": "另有 {n} 位位置待定。",
}

PATHS = {
    "friend": "从朋友走向合作伙伴：补组织价值，重点把方案做得更贴合客户，把答应的事兑现好。",
    "supplier": "从供应商走向合作伙伴：补个人信任，重点增加接触、培养融洽。",
    "outsider": "从局外人出发：两手都要硬，沿对角线同时提高个人关系和组织价值。",
    "partner": "已是合作伙伴：继续兑现承诺，并扩大接触面，认识客户里更多的人。",
    "unknown": "位置还定不下来：先把不知道的几项问清楚，再选路径；在此之前，两边都按下面的下一步做。",
    "formal": "只保持正式往来：不再设法拉近和他的私人关系；只谈他所在组织的利益，关系功夫用在客户里其他人身上。",
}
PATH_LINKS = {
    "friend": "rel-paths",
    "supplier": "rel-paths",
    "outsider": "rel-third-path",
    "partner": "rel-both-hands",
    "unknown": "rel-rules",
    "formal": "ca-rival-ties",
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
    "unknown": "位置没弄清之前，你对他的判断可能是错的：最常见的是把熟人当成了支持者。",
}

# Facts that come first whatever the cell says, in the order the tool finds them.
ALERTS = {
    "veto": "他说过：“{text}”。这是他换掉你的条件：先把这一条解决，并让他看到结果，别的都排在后面。",
    "decisive_promises": "履约记录只有 {rating} 分：平均分再高，这一项也要先补。第 5 章把履行诺言放在第一位，再落空一次，他就可能换人。",
    "against": "他反对这一单：先弄清理由，是组织的顾虑，还是他个人的麻烦（比如换供应商要他多做的事）。组织的顾虑拿证据回应，个人的麻烦设法替他减轻；不绕过他，也不用私人好处换他的支持。",
    "rival_tie": "他和{rival}走得近：不在他面前贬低对手，也别指望私下把他拉过来；把给组织的证据摆给每个参与决定的人，他提的疑问照样认真回答。",
    "keep_formal": "只保持正式往来：会面有同事在场，往来留书面记录；不请他帮忙、不欠他人情，也不再设法拉近私人关系。他的职责照常尊重，该给的文件照常给。",
    "formal_not_coach": "提过不当要求的人不能做你的内部支持者：换一位讲规矩的人。",
}
ALERT_LINKS = {
    "veto": "ca-failures",
    "decisive_promises": "rm-strategies",
    "against": "wd-roles",
    "rival_tie": "ca-rival-ties",
    "keep_formal": "ca-rival-ties",
    "formal_not_coach": "wd-roles",
}
# The question to ask for each thing the reader marked as not known yet.
GAPS = {
    "trust": "信任：他上一次主动告诉你对你不利的消息，是什么时候？",
    "rapport": "融洽：他愿意在正式议程以外，和你谈工作上的难处吗？",
    "frequency": "接触频率：过去三个月，你和他见过几次、通过几次话？翻一翻拜访记录。",
    "value": "性价比优势：问他：“和现在用的比，您觉得我们贵在哪里、省在哪里？”",
    "fit": "方案契合：问他：“这套方案里，哪一处最不合您这边的做法？”",
    "promises": "履约记录：查一查交货和服务记录，再问他：“我们答应的事，哪一件让您不满意？”",
    "stance": "立场：问他本人，或问内部支持者：“这件事他怎么看？他担心什么？”",
    "influence": "影响力：这件事最后谁签字、谁能说“不行”？他的意见有多少人听？",
}

WARNINGS = {
    "no_decision_maker": "还没有接触到决策者：联系人里没有角色为“决策者”的人。大客户的选型常由部门经理主持，拍板签字的却是高层。",
    "decision_maker_outsider": "决策者仍是局外人：{names}。大客户的选型常由部门经理主持，拍板签字的却是高层。",
    "single_thread": "整个客户只系在一个人身上：高于局外人的只有 {name}。无论离开的是你这边的销售人员，还是客户那边的这位联系人，关系都会断。",
    "decision_maker_unknown": "决策者的位置还定不下来：{names}。大客户拍板的是高层，先把他的打分问清楚。",
    "high_influence_against": "影响力高的人反对这一单：{names}。先弄清反对的理由，再定下一步。",
}
WARNING_LINKS = {
    "no_decision_maker": "ka-participants",
    "decision_maker_outsider": "ka-participants",
    "single_thread": "pf-departing",
    "decision_maker_unknown": "ka-participants",
    "high_influence_against": "wd-roles",
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
# Results that are not a level: still open, or not applicable to this deal.
LEVELS_OTHER = (
    ("unknown", "待定"),
    ("none", "不适用"),
)
HOLDINGS = (
    ("incumbent", "我们现在供货"),
    ("challenger", "现在是别家供货，我们在争取"),
    ("unknown", "不知道"),
)
RISK_SOURCES = (
    ("product", "产品出问题"),
    ("delivery", "交货或服务出问题"),
    ("cost", "价格被上级质疑"),
    ("unknown", "不知道"),
)

PF = {
    "title": "采购因素分析",
    "sale_type": "销售类型",
    "chart_title": "采购三要素：组织与经办人个人的分数",
    "chart_desc": "每个要素两条横条，上面一条是组织，下面一条是经办人个人；要素名后面写着这一项让两边看好同一家供应商（一致），还是不同的供应商（分歧）。",
    "col_factor": "要素",
    "col_alignment": "他个人和组织看好",
    "col_verdict": "判断",
    "diverges": "分歧",
    "agrees": "一致",
    "alignment_legend": "规则一：这一项让他个人和组织看好同一家供应商吗？",
    "alignment_hint": "组织这本账分不出高下、只有他个人有明确偏向时，也选“不同的供应商”。",
    "divergence": "规则一：个人和组织是否看好同一家",
    "divergence_none": "三个要素都让经办人个人和组织看好同一家供应商：利益一致。关系能帮一个对组织本来就好的方案推过去，却很难推过去一个对组织不好的方案。",
    "divergence_some": "在{factors}上，经办人个人看好的供应商和组织那本账选出的不是同一家：利益分歧。个人关系最可能在这里起作用，回扣这类不正当的好处也最容易从这里钻进来。",
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
    "hospitality": "招待费用",
    "hospitality_rules": "招待的规矩",
    "departing": "销售离职时客户跟走的风险",
    "departing_level": "风险{level}。",
    "holding": "这笔生意现在",
    "risk_source": "经办人个人怕的是什么",
    "rivals": "对手和他们的条件（可不填）",
    "rival_name": "对手 {n}",
    "rival_offer": "条件（例如单价低 15%、独家两年）",
    "rivals_line": "对手：{rivals}。",
    "rival_item": "{name}：{offer}",
    "factor_open": "待查",
    "weight_open": "个人关系的分量：还定不下来，可能是{levels}。",
    "weight_open_why": "取决于还不知道的输入，见下面“待查清”。",
    "gaps": "待查清（不计入结果）",
    "sale_type_open": "还不知道",
}

EMPHASES = {
    "company_difference": "建立企业层面的差异（无差异销售）：在方案、服务和技术能力上下功夫，让组织那本账分出高下。",
    "raise_switching": "把价值做进客户的流程（组织的转换成本 {rating} 分）：用服务和系统集成，让客户因为这些价值愿意留在公司，而不是只认某个人。",
    "divergent_concerns": "弄清经办人在{factors}上的真实顾虑，用正当的方式回应：给他证据、试用和保障，不给个人好处。",
    "answer_rivals": "回应对手的条件（{rivals}），不跟着降价：把全成本算给组织看，每一行写明客户哪个部门能核对；对手便宜的地方照实承认。",
    "challenge_rivals": "和现任供应商比（{rivals}），不靠压价抢进去：把全成本连同换供应商的代价一起算给组织看，说清你多给的是什么；对方做得好的地方照实承认。",
}
# Rule three's first line depends on what the buyer's personal risk is about.
RISK_REMEDIES = {
    "product": "降低经办人的个人风险（他的个人风险 {rating} 分，怕的是产品出问题）：提供样板案例、试用和质量保证，帮他向上级说明为什么选你。",
    "delivery": "降低经办人的个人风险（他的个人风险 {rating} 分，怕的是交货）：拿出交货记录和备货、应急安排，把到货承诺写进合同，每月报告兑现情况。",
    "cost": "降低经办人的个人风险（他的个人风险 {rating} 分，怕的是价格被上级质疑）：替他把全成本算清楚，写成一页能拿给上级看的对比。",
    "unknown": "降低经办人的个人风险（他的个人风险 {rating} 分）：先问清他怕的是什么，产品、交货，还是价格被上级质疑，再对症给证据。",
}

# Rule four, first line. Hospitality is never a way to win an order: by the relationship's
# weight the tool says where the temptation to use it so is greatest and where the money
# belongs instead; the rules below hold at every level.
HOSPITALITY = {
    "high": "个人关系分量高的生意，正是招待最容易越界的地方：不能用招待去争取订单。",
    "medium": "个人关系有一定分量，同样不能靠招待争单。",
    "low": "订单取决于组织那本账，招待帮不上忙，更不能用来争单。",
    "unknown": "个人关系的分量还定不下来；无论是哪一档，都不能用招待争单。",
}
# Where the money belongs instead, by the kind of sale (so no sentence contradicts it).
HOSPITALITY_WHERE = {
    "undifferentiated": "钱和精力投到建立企业层面的差异上。",
    "brand": "功夫下在品牌、服务和交付的证明上。",
    "company": "预算投到方案、演示、试用和服务上。",
    "unknown": "先弄清销售类型，再定预算投向哪里。",
}
HOSPITALITY_RULES = (
    "招待只是正常商务交往的场合：价值合理，事先审批并登记；不给现金或购物卡等现金等价物；"
    "从客户筹划招标起到签约不招待；遵守客户自己的规定，对国有客户从严。给个人的回扣是商业贿赂，违法。"
)
ALIGNMENTS = (
    ("same", "同一家"),
    ("different", "不同的供应商"),
)

DEPARTING = {
    "high_weight_low_switching": "个人关系分量为高，组织的转换成本只有 {switching} 分（≤ 2）：客户很可能跟着销售走。",
    "low_weight": "个人关系分量为低：订单靠的是公司层面的差异，销售走了客户也不容易跟走。",
    "high_switching": "组织的转换成本 {switching} 分（≥ 4）：客户换厂家代价大，不会轻易跟人走。",
    "other": "介于两者之间：个人关系分量为{level}，组织的转换成本 {switching} 分。",
    "challenger": "这笔生意现在在别家手里，谈不上你的销售走了客户跟走。反过来读：现任供应商的关系如果只系在一个人身上，那个人走了，就是你的机会；正当的切入点仍是组织那本账，不是去挖对方的人。",
    "unknown_holding": "先弄清这笔生意现在是不是你在供货，这一条才用得上。",
    "unknown": "还定不下来：取决于还不知道的输入。",
    "settled": "还不知道的几项不论是多少，结果都一样。",
}
PF_GAPS = {
    "sale_type": "销售类型：几家的产品和服务，客户分得出高下吗？分得出，是靠品牌，还是靠企业的方案和服务？",
    "organisation.risk": "组织的采购风险：这次采购出了问题，客户要停多少线、赔多少钱？",
    "organisation.benefit": "组织的采购收益：选对了，客户一年能省多少、多赚多少？",
    "organisation.switching": "组织的转换成本：换一家供应商，要重新认证、改设计还是培训？要多久？",
    "individual.risk": "经办人的个人风险：办砸了，他要向谁交代？上次出问题时，他受到了什么影响？",
    "individual.benefit": "经办人的个人收益：办好了，他在考核里得到什么？",
    "individual.switching": "经办人的个人转换成本：换供应商，要他多做哪些事？",
    "alignment.risk": "规则一（采购风险）：怕出事这一项上，他个人更放心哪一家？组织那本账又选哪一家？",
    "alignment.benefit": "规则一（采购收益）：选哪一家对他个人更有好处？和组织那本账选的是同一家吗？",
    "alignment.switching": "规则一（转换成本）：换供应商的麻烦，让他个人偏向哪一家？组织那本账呢？",
    "holding": "这笔生意现在是谁在供货？查合同和到货记录，或者问采购。",
    "risk_source": "他怕的是什么：产品、交货，还是价格被上级质疑？问他：“这件事，您最担心哪一点？”",
}

# ---------------------------------------------------------------- expected results
# The teaching notes state what the tool shows for each case's presets, one line per item
# (``key：value``); these are the keys and the short names of the warnings they use.
EXPECTED = {
    "warnings": "警示",
    "divergent": "分歧",
    "weight": "个人关系分量",
    "departing": "客户跟走风险",
    "none": "无",
    "sep": "、",
    "title": "预设“{title}”：工具应当显示",
    "col_item": "项目",
    "col_shown": "工具显示",
    "open": "在工具里打开",
}
WARNING_NAMES = {
    "no_decision_maker": "没有接触到决策者",
    "decision_maker_outsider": "决策者仍是局外人",
    "single_thread": "只系在一个人身上",
    "decision_maker_unknown": "决策者位置待定",
    "high_influence_against": "影响力高的人反对",
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
    "role_unknown": "第 {n} 位联系人（{name}）：请至少选择一种角色（{choices}）。",
    "stance_unknown": "第 {n} 位联系人（{name}）：立场请从列表中选择（{choices}）。",
    "influence_unknown": "第 {n} 位联系人（{name}）：影响力请从列表中选择（{choices}）。",
    "text_not_text": "{where}“{label}”应是文字。",
    "text_too_long": "{where}“{label}”最多 {max} 个字，现在是 {length} 个字。",
    "holding_unknown": "请选择这笔生意现在的情况（{choices}）。",
    "risk_source_unknown": "请选择经办人个人怕的是什么（{choices}）。",
    "too_many_rivals": "最多填 {max} 家对手，收到 {count} 家，只读入了前 {max} 家。",
    "rival_name_missing": "对手 {n}：写了条件，请再填上对手的名字。",
    "rating_missing": "{where}“{label}”：请填写 1 到 5 之间的整数；还不知道就选“不知道”。",
    "rating_not_number": "{where}“{label}”：“{value}”不是数字，请填写 1 到 5 之间的整数，或“不知道”。",
    "rating_not_integer": "{where}“{label}”：“{value}”不是整数，请填写 1 到 5 之间的整数，或“不知道”。",
    "rating_range": "{where}“{label}”：{value} 超出范围，请填写 1 到 5 之间的整数，或“不知道”。",
    "sale_type_unknown": "请选择销售类型（{choices}）。",
    "alignment_unknown": "规则一“{label}”：请选择这一项让他个人和组织看好的是同一家，还是不同的供应商（{choices}）。",
    "preset_no_contacts": "链接里没有联系人，页面保留了原来的输入。",
    "preset_unreadable": "链接里的预设无法读取（{detail}），页面保留了原来的输入。",
    "preset_too_long": "链接里的预设太长（{length} 个字符，上限 {max}），页面保留了原来的输入。",
    "preset_unknown": "没有名为“{name}”的预设；可用的预设：{names}。页面保留了原来的输入。",
}
WHERE_CONTACT = "第 {n} 位联系人（{name}）的"
WHERE_SIDE = "{side}的"
WHERE_RIVAL = "对手 {n} 的"
TEXT_FIELDS = {
    "rival": "和哪家对手走得近",
    "veto": "换掉你的条件",
    "rival_name": "名字",
    "rival_offer": "条件",
}

# ---------------------------------------------------------------- presets
# The chapters' worked examples and every case's prescribed inputs (the cases' 使用分析工具
# sections): a case page links to its presets, and its teaching notes state what the tool
# shows for each (tests/test_case_presets.py holds them to it). Course-made practice data,
# not figures from the sources.


def _contact(name, role, personal, org, extra=None):
    """A contact from his three personal and three organisational ratings, and any of the
    optional fields (stance, rival …) in ``extra``."""
    # Index loops, not zip(): the same file runs under MicroPython, whose zip has no strict=.
    row = {"name": name, "role": role}
    if extra:
        for key in extra:
            row[key] = extra[key]
    for i in range(3):
        row[("trust", "rapport", "frequency")[i]] = personal[i]
        row[("value", "fit", "promises")[i]] = org[i]
    return row


def _purchase(sale_type, organisation, individual, different=(), risk_source="", rivals=()):
    """A purchase from its ratings (risk, benefit, switching on each side), the factors
    that point the buyer and his organisation to different suppliers, what the buyer's
    personal risk is about, and the rivals with their offers."""
    keys = ("risk", "benefit", "switching")
    data = {"sale_type": sale_type, "organisation": {}, "individual": {}, "alignment": {}}
    if risk_source:
        data["risk_source"] = risk_source
    if rivals:
        data["rivals"] = [{"name": name, "offer": offer} for name, offer in rivals]
    for i in range(3):
        data["organisation"][keys[i]] = organisation[i]
        data["individual"][keys[i]] = individual[i]
        data["alignment"][keys[i]] = "different" if keys[i] in different else "same"
    return data


PRESETS = {
    "relationship-map": (
        (
            "worked-example",
            "第 3 章的手算例子",
            {
                "contacts": [
                    _contact("甲", "purchasing_manager", (4, 5, 4), (2, 3, 2)),
                    _contact("乙", "technical_evaluator", (2, 2, 3), (4, 4, 3)),
                    _contact("丙", "decision_maker", (1, 2, 1), (3, 2, 2)),
                ]
            },
        ),
        (
            "li-xiang",
            "李响：只认李响的一个客户",
            {"contacts": [_contact("采购负责人", "purchasing_manager", (5, 5, 5), (2, 2, 3))]},
        ),
        (
            "li-xiang-handover",
            "李响：新人接手的第一天",
            {"contacts": [_contact("采购负责人", "purchasing_manager", (1, 1, 1), (2, 2, 3))]},
        ),
        (
            "pinacor-before",
            "皮纳考：重组前的一家转卖商",
            {
                "contacts": [
                    _contact("老板", "decision_maker", (2, 2, 1), (3, 2, 5)),
                    _contact("采购负责人", "purchasing_manager", (2, 2, 1), (3, 2, 5)),
                    _contact("技术负责人", "technical_evaluator", (2, 2, 1), (3, 2, 5)),
                ]
            },
        ),
        (
            "pinacor-after",
            "皮纳考：重组后的同一家转卖商",
            {
                "contacts": [
                    _contact("老板", "decision_maker", (2, 2, 1), (4, 4, 5)),
                    _contact("采购负责人", "purchasing_manager", (4, 4, 4), (4, 4, 5)),
                    _contact("技术负责人", "technical_evaluator", (4, 4, 4), (4, 4, 5)),
                ]
            },
        ),
        (
            "pinacor-value-only",
            "皮纳考：重组后只提高了组织价值",
            {
                "contacts": [
                    _contact("老板", "decision_maker", (2, 2, 1), (4, 4, 5)),
                    _contact("采购负责人", "purchasing_manager", (2, 2, 1), (4, 4, 5)),
                    _contact("技术负责人", "technical_evaluator", (2, 2, 1), (4, 4, 5)),
                ]
            },
        ),
        (
            "telecom-start",
            "电信运营商：刚刚接触",
            {
                "contacts": [
                    _contact("采购部经理", "purchasing_manager", (1, 1, 1), (1, 1, 1)),
                    _contact("客服中心负责人", "user_department", (1, 1, 1), (1, 1, 1)),
                    _contact("技术部门负责人", "technical_evaluator", (1, 1, 1), (1, 1, 1)),
                    _contact("分管副总", "decision_maker", (1, 1, 1), (1, 1, 1)),
                ]
            },
        ),
        (
            "telecom-friends-first",
            "电信运营商：路径一，先做朋友",
            {
                "contacts": [
                    _contact("采购部经理", "purchasing_manager", (4, 4, 4), (1, 1, 1)),
                    _contact("客服中心负责人", "user_department", (4, 4, 4), (1, 1, 1)),
                    _contact("技术部门负责人", "technical_evaluator", (1, 1, 1), (1, 1, 1)),
                    _contact("分管副总", "decision_maker", (1, 1, 1), (1, 1, 1)),
                ]
            },
        ),
        (
            "telecom-supplier-first",
            "电信运营商：路径二，先做供应商",
            {
                "contacts": [
                    _contact("采购部经理", "purchasing_manager", (1, 1, 1), (1, 1, 1)),
                    _contact("客服中心负责人", "user_department", (1, 1, 1), (4, 4, 4)),
                    _contact("技术部门负责人", "technical_evaluator", (1, 1, 1), (4, 4, 4)),
                    _contact("分管副总", "decision_maker", (1, 1, 1), (1, 1, 1)),
                ]
            },
        ),
        (
            "zhang-jin",
            "张进：开发商客户的三位联系人",
            {
                "contacts": [
                    _contact("采购经理", "purchasing_manager", (4, 4, 4), (2, 2, 2)),
                    _contact("项目经理", "user_department", (3, 3, 3), (2, 2, 2)),
                    _contact("分管采购的高层", "decision_maker", (1, 1, 1), (1, 1, 1)),
                ]
            },
        ),
        # The case of a contested account (恒川电机, chapters 7 and 8): the first month.
        (
            "hengchuan",
            "恒川电机：林涛接手第一个月",
            {
                "contacts": [
                    _contact("柏总监", "purchasing_manager", (1, 1, 1), (2, 2, 2), {"rival": "东陵"}),
                    _contact("蔡工", "technical_evaluator", (4, 4, 4), (3, 3, 2)),
                    _contact("闵经理", "user_department", (2, 2, 2), (4, 4, 2)),
                    _contact("韦博士", "other", (3, 3, 2), (4, 5, 4)),
                    _contact("汪副总", "decision_maker", (1, 1, 1), (3, 3, 3)),
                ]
            },
        ),
        # The account followed through the chapters (岚谷食品, first in chapter 1).
        (
            "langu-start",
            "岚谷食品：周宁第一周的打分",
            {
                "contacts": [
                    _contact("钱经理", "purchasing_manager", (2, 2, 3), (4, 3, 3)),
                    _contact("吴厂长", "user_department", (1, 1, 1), (3, 2, 3)),
                    _contact("赵副总", "decision_maker", (1, 1, 1), (1, 1, 1)),
                ]
            },
        ),
        (
            "langu-month3",
            "岚谷食品：第 3 个月的五个人",
            {
                "contacts": [
                    _contact("钱经理", "purchasing_manager", (3, 3, 3), (4, 3, 4)),
                    _contact("孙经理", "technical_evaluator", (4, 4, 3), (2, 2, 2)),
                    _contact("吴厂长", "user_department", (2, 2, 2), (3, 3, 2)),
                    _contact("郑经理", "other", (2, 2, 1), (2, 2, 1)),
                    _contact("赵副总", "decision_maker", (1, 1, 1), (2, 2, 2)),
                ]
            },
        ),
        (
            "langu-trial",
            "岚谷食品：第 9 个月，试用期中",
            {
                "contacts": [
                    _contact("钱经理", "purchasing_manager", (4, 4, 4), (4, 4, 4)),
                    _contact("孙经理", "technical_evaluator", (4, 4, 4), (4, 4, 3)),
                    _contact("吴厂长", "user_department", (2, 3, 2), (4, 4, 3)),
                    _contact("郑经理", "other", (4, 4, 3), (2, 2, 2)),
                    _contact("赵副总", "decision_maker", (2, 2, 1), (4, 4, 3)),
                ]
            },
        ),
        (
            "langu-year1",
            "岚谷食品：第 12 个月，签下年度合同",
            {
                "contacts": [
                    _contact("钱经理", "purchasing_manager", (4, 4, 4), (4, 5, 5)),
                    _contact("孙经理", "technical_evaluator", (4, 4, 4), (4, 4, 4)),
                    _contact("吴厂长", "user_department", (4, 3, 4), (4, 4, 4)),
                    _contact("郑经理", "other", (4, 4, 3), (4, 4, 3)),
                    _contact("赵副总", "decision_maker", (3, 3, 3), (4, 4, 4)),
                    _contact("严总监", "other", (1, 1, 1), (3, 3, 3)),
                    _contact("陶厂长", "user_department", (2, 2, 1), (3, 3, 2)),
                ]
            },
        ),
    ),
    "purchase-factors": (
        (
            "worked-example",
            "第 2 章的手算例子",
            _purchase("undifferentiated", (2, 3, 1), (4, 3, 2), different=("risk",), risk_source="product"),
        ),
        (
            "xiao-cui-a",
            "小崔：A 类产品（无差异销售）",
            _purchase("undifferentiated", (3, 3, 3), (1, 5, 3), different=("benefit",)),
        ),
        (
            "xiao-cui-b",
            "小崔：B 类产品（企业差异销售）",
            _purchase("company", (4, 5, 5), (1, 5, 3)),
        ),
        (
            "xiao-cui-b-risky",
            "小崔：B 类产品，选型人要担责任",
            _purchase("company", (4, 5, 5), (4, 5, 3), risk_source="product"),
        ),
        (
            "xiao-cui",
            "小崔：一个品牌相近的常年客户",
            _purchase("brand", (2, 3, 2), (3, 3, 2)),
        ),
        (
            "li-xiang",
            "李响：只认李响的一个客户",
            _purchase("undifferentiated", (3, 3, 2), (3, 5, 3), different=("benefit",)),
        ),
        (
            "li-xiang-company",
            "李响：同一客户用上了定制方案",
            _purchase("company", (3, 5, 5), (3, 5, 3)),
        ),
        (
            "rule-breaker-a",
            "违规的老销售：客户甲",
            _purchase("undifferentiated", (3, 3, 2), (3, 5, 3), different=("benefit",)),
        ),
        (
            "rule-breaker-b",
            "违规的老销售：客户乙",
            _purchase("brand", (2, 3, 3), (2, 3, 3)),
        ),
        (
            "rule-breaker-c",
            "违规的老销售：客户丙",
            _purchase("company", (3, 5, 5), (3, 5, 3)),
        ),
        # The case of a contested account (恒川电机): the standard bearings and the EV line's.
        (
            "hengchuan-standard",
            "恒川电机：标准轴承，经办人柏总监",
            _purchase(
                "undifferentiated",
                (2, 2, 2),
                (3, 4, 2),
                different=("benefit",),
                rivals=(("东陵", "全部交给它、独家两年，标准轴承单价低 15%"),),
            ),
        ),
        (
            "hengchuan-ev",
            "恒川电机：电驱线的低噪轴承，使用部门闵经理",
            _purchase("company", (4, 4, 4), (5, 3, 3), risk_source="delivery"),
        ),
        # The account followed through the chapters (岚谷食品, chapter 2's two purchases).
        (
            "langu-film",
            "岚谷食品：普通复合膜",
            _purchase("undifferentiated", (2, 2, 2), (3, 3, 3), different=("switching",)),
        ),
        (
            "langu-solution",
            "岚谷食品：减塑包装方案",
            _purchase("company", (4, 4, 3), (5, 3, 4), different=("switching",), risk_source="product"),
        ),
        # Chapter 6's account review: the signer's and the buyer's ledgers, month 12.
        (
            "langu-signer",
            "岚谷食品：推广到三家工厂，签字人赵副总",
            _purchase("company", (3, 5, 3), (4, 4, 2), risk_source="product"),
        ),
        (
            "langu-buyer",
            "岚谷食品：推广到三家工厂，经办人钱经理",
            _purchase("company", (3, 5, 3), (3, 4, 4), different=("switching",)),
        ),
        (
            "system-purchase",
            "一次大型系统采购（企业差异销售）",
            _purchase("company", (5, 5, 5), (4, 3, 3), risk_source="product"),
        ),
    ),
}
