"""HTML for a widget's result: the same markup at build time (the page's static form, the
print and PDF edition) and in the browser after every change.

Every value that came from the user is escaped here. ``links`` maps the link keys of the
language module to URLs relative to the page; a key without a URL is shown as plain text.
"""

from tools.widgets import relationship
from tools.widgets.markup import escape
from tools.widgets.svg import purchase_chart, relationship_chart


def cite(key, strings, links):
    text = escape(strings.LINK_TEXT[key])
    label = escape(strings.UI["see"])
    url = links.get(key) if links else None
    if url:
        return '<span class="widget-cite">%s <a href="%s">%s</a></span>' % (label, escape(url), text)
    return '<span class="widget-cite">%s %s</span>' % (label, text)


def error_block(errors, strings):
    if not errors:
        return ""
    items = "".join('<li data-field="%s">%s</li>' % (escape(e["field"]), escape(e["message"])) for e in errors)
    return '<div class="widget-errors" role="alert"><p><strong>%s</strong></p><ul>%s</ul><p>%s</p></div>' % (
        escape(strings.UI["errors_title"]),
        items,
        escape(strings.UI["errors_note"]),
    )


def table(head, rows, css, label):
    """A table in a box that scrolls sideways on a narrow screen (cells never wrap one
    character per line); the box is focusable and named, so it scrolls from the keyboard."""
    out = [
        '<div class="widget-table-wrap" tabindex="0" role="region" aria-label="%s">'
        '<table class="table widget-table %s"><thead><tr>' % (escape(label), css)
    ]
    for cell in head:
        out.append("<th>%s</th>" % escape(cell))
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join("<td>%s</td>" % escape(cell) for cell in row) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def gap_list(codes, questions):
    """What the reader marked as not known yet, each with the question to ask."""
    return "<ul>%s</ul>" % "".join('<li data-gap="%s">%s</li>' % (g, escape(questions[g])) for g in codes)


def pending_note(result, strings):
    """How many inputs the reader has not reached yet (their problems are not shown)."""
    held = result.get("pending", 0)
    if not held:
        return ""
    return '<p class="widget-pending">%s</p>' % escape(strings.UI["pending"].format(n=held))


def render(kind, result, strings, links, uid):
    """The result region's HTML for either widget."""
    body = error_block(result["errors"], strings) + pending_note(result, strings)
    analysis = result["analysis"]
    if analysis is None or (kind == "relationship-map" and not analysis["contacts"]):
        empty = "no_result_pending" if result.get("pending") and not result["errors"] else "no_result"
        return body + '<p class="widget-empty">%s</p>' % escape(strings.UI[empty])
    if kind == "relationship-map":
        return body + relationship_html(analysis, strings, links, uid)
    return body + purchase_html(analysis, strings, links, uid)


# ---------------------------------------------------------------- relationship map
def rating_text(value, strings):
    return strings.REL["unknown_value"] if value == "unknown" else "%d" % value


def roles_text(c, strings):
    roles = dict(strings.ROLES)
    return strings.UI["list_sep"].join(roles[r] for r in c["roles"])


def relationship_html(analysis, strings, links, uid):
    rel = strings.REL
    labels = dict(strings.INDICATORS)
    types = dict(strings.TYPES)
    contacts = analysis["contacts"]
    out = []
    head = [strings.UI["name"], strings.UI["role"]] + [labels[k] for k in relationship.INDICATORS]
    rows = []
    for c in contacts:
        rows.append(
            [c["name"], roles_text(c, strings)]
            + [rating_text(c["ratings"][k], strings) for k in relationship.INDICATORS]
        )
    out.append(
        '<div class="widget-inputs"><h3>%s</h3>%s</div>'
        % (escape(strings.UI["inputs"]), table(head, rows, "widget-inputs-table", strings.UI["inputs"]))
    )
    out.append("<h3>%s</h3>" % escape(strings.UI["result"]))
    out.append(
        '<figure class="widget-chart">%s<figcaption>%s</figcaption></figure>'
        % (relationship_chart(contacts, strings, uid + "-chart"), escape(rel["chart_title"]))
    )
    rows = []
    for c in contacts:
        rows.append(
            [
                "%d" % (c["position"] + 1),
                c["name"],
                c["personal_score"] or rel["unknown_value"],
                c["org_score"] or rel["unknown_value"],
                types[c["type"]],
            ]
        )
    head = [rel["col_no"], rel["col_contact"], rel["col_personal"], rel["col_org"], rel["col_type"]]
    out.append(table(head, rows, "widget-summary", strings.UI["result"]))
    for c in contacts:
        out.append(contact_html(c["position"] + 1, c, strings, links))
    out.append(account_html(analysis, strings, links))
    return "".join(out)


def score_line(c, keys, which, strings):
    labels = dict(strings.INDICATORS)
    rel = strings.REL
    label = strings.PERSONAL_LABEL if which == "personal" else strings.ORGANISATIONAL_LABEL
    values = " + ".join("%s %s" % (labels[k], rating_text(c["ratings"][k], strings)) for k in keys)
    level = c[which + "_level"]
    if c[which + "_missing"]:
        outcome = {"high": rel["open_high"], "low": rel["open_low"]}.get(level, rel["open_both"])
        return rel["score_open"].format(label=label, values=values, n=c[which + "_missing"], outcome=outcome)
    high = level == "high"
    return rel["score_line"].format(
        label=label,
        values=values,
        score=c[which + "_score"],
        cmp=rel["above"] if high else rel["not_above"],
        level=strings.HIGH if high else strings.LOW,
    )


def contact_html(number, c, strings, links):
    rel = strings.REL
    types = dict(strings.TYPES)
    kind = c["type"]
    why = [
        score_line(c, relationship.PERSONAL, "personal", strings),
        score_line(c, relationship.ORGANISATIONAL, "org", strings),
    ]
    if kind == "unknown":
        why.append(rel["type_open"].format(types=strings.UI["list_sep"].join(types[t] for t in c["possible"])))
    else:
        why.append(
            rel["type_line"].format(
                p=strings.HIGH if c["personal_high"] else strings.LOW,
                o=strings.HIGH if c["org_high"] else strings.LOW,
                type=types[kind],
            )
        )
    for b in c["borderline"]:
        why.append(
            rel["borderline"].format(
                label=strings.PERSONAL_LABEL if b["dimension"] == "personal" else strings.ORGANISATIONAL_LABEL,
                direction=rel["border_up"] if b["direction"] == "up" else rel["border_down"],
                type=types[b["would_be"]],
            )
        )
    parts = [
        '<section class="widget-contact-result" data-type="%s">'
        '<h4>%d. %s（%s）：<span class="widget-type">%s</span></h4>'
        % (kind, number, escape(c["name"]), escape(roles_text(c, strings)), escape(types[kind]))
    ]
    if c["stance"] or c["influence"]:
        stances = dict(strings.STANCES)
        influences = dict(strings.INFLUENCES)
        parts.append(
            '<p class="widget-stance">%s</p>'
            % escape(rel["stance_line"].format(stance=stances[c["stance"]], influence=influences[c["influence"]]))
        )
    if c["alerts"]:
        items = []
        for a in c["alerts"]:
            text = strings.ALERTS[a["code"]].format(
                text=a.get("text", ""), rating=a.get("rating", 0), rival=a.get("rival", "")
            )
            items.append(
                '<li data-alert="%s">%s %s</li>'
                % (a["code"], escape(text), cite(strings.ALERT_LINKS[a["code"]], strings, links))
            )
        parts.append(
            '<div class="widget-alerts"><p><strong>%s</strong></p><ul>%s</ul></div>'
            % (escape(rel["alerts"]), "".join(items))
        )
    parts.append(
        '<p class="widget-why"><strong>%s</strong></p><ul>%s</ul><p>%s</p>'
        % (
            escape(strings.UI["why"]),
            "".join("<li>%s</li>" % escape(line) for line in why),
            cite("rel-rules", strings, links),
        )
    )
    path = "formal" if c["keep_formal"] and kind != "partner" else kind
    parts.append(
        "<p><strong>%s</strong> %s %s</p>"
        % (escape(rel["path"]), escape(strings.PATHS[path]), cite(strings.PATH_LINKS[path], strings, links))
    )
    actions = []
    for code in c["actions"]:
        rating = c["ratings"].get(code, 0)
        actions.append(
            "<li>%s %s</li>"
            % (escape(strings.ACTIONS[code].format(rating=rating)), cite(strings.ACTION_LINKS[code], strings, links))
        )
    if actions:
        parts.append("<p><strong>%s</strong></p><ul>%s</ul>" % (escape(rel["next"]), "".join(actions)))
    if c["gaps"]:
        parts.append(
            '<div class="widget-gaps"><p><strong>%s</strong></p>%s</div>'
            % (escape(rel["gaps"]), gap_list(c["gaps"], strings.GAPS))
        )
    parts.append(
        "<p><strong>%s</strong> %s %s</p></section>"
        % (escape(rel["risk"]), escape(strings.RISKS[kind]), cite("rel-risks", strings, links))
    )
    return "".join(parts)


def account_html(analysis, strings, links):
    rel = strings.REL
    counts = analysis["counts"]
    names = {}
    for c in analysis["contacts"]:
        names[c["position"]] = c["name"]
    parts = ['<section class="widget-account"><h4>%s</h4>' % escape(rel["account"])]
    line = rel["counts"].format(
        n=len(analysis["contacts"]),
        outsider=counts["outsider"],
        friend=counts["friend"],
        supplier=counts["supplier"],
        partner=counts["partner"],
    )
    if counts.get("unknown"):
        line += rel["counts_open"].format(n=counts["unknown"])
    parts.append("<p>%s</p>" % escape(line))
    if analysis["warnings"]:
        items = []
        for w in analysis["warnings"]:
            who = strings.UI["list_sep"].join(names[p] for p in w["positions"])
            text = strings.WARNINGS[w["code"]].format(names=who, name=who)
            items.append(
                '<li class="widget-warning" data-warning="%s"><strong>%s</strong> %s %s</li>'
                % (
                    w["code"],
                    escape(strings.UI["warning"]),
                    escape(text),
                    cite(strings.WARNING_LINKS[w["code"]], strings, links),
                )
            )
        parts.append('<ul class="widget-warnings">%s</ul>' % "".join(items))
    else:
        parts.append(
            '<p class="widget-no-warnings">%s %s</p>' % (escape(rel["no_warnings"]), cite("rel-rules", strings, links))
        )
    parts.append("</section>")
    return "".join(parts)


# ---------------------------------------------------------------- purchase factors
def purchase_html(analysis, strings, links, uid):
    pf = strings.PF
    factors = dict(strings.FACTORS)
    sale_types = dict(strings.SALE_TYPES)
    sale_types["unknown"] = pf["sale_type_open"]
    levels = dict(strings.LEVELS + strings.LEVELS_OTHER)
    sides = dict(strings.SIDES)
    sep = strings.UI["list_sep"]
    out = []
    rows = [
        [factors[f["factor"]], rating_text(f["organisation"], strings), rating_text(f["individual"], strings)]
        for f in analysis["factors"]
    ]
    facts = [pf["sale_type"] + "：" + sale_types[analysis["sale_type"]]]
    facts.append(pf["holding"] + "：" + dict(strings.HOLDINGS)[analysis["holding"]])
    if analysis["rivals"]:
        facts.append(pf["rivals_line"].format(rivals=sep.join(rival_text(r, strings) for r in analysis["rivals"])))
    out.append(
        '<div class="widget-inputs"><h3>%s</h3>%s%s</div>'
        % (
            escape(strings.UI["inputs"]),
            "".join("<p>%s</p>" % escape(f) for f in facts),
            table(
                [pf["col_factor"], sides["organisation"], sides["individual"]],
                rows,
                "widget-inputs-table",
                strings.UI["inputs"],
            ),
        )
    )
    out.append("<h3>%s</h3>" % escape(strings.UI["result"]))
    out.append(
        '<figure class="widget-chart">%s<figcaption>%s</figcaption></figure>'
        % (purchase_chart(analysis, strings, uid + "-chart"), escape(pf["chart_title"]))
    )
    # Rule one
    alignments = dict(strings.ALIGNMENTS)
    alignments["unknown"] = strings.UI["unknown_choice"]
    rows = []
    for f in analysis["factors"]:
        if f["alignment"] == "unknown":
            verdict = pf["factor_open"]
        else:
            verdict = pf["diverges"] if f["diverges"] else pf["agrees"]
        rows.append([factors[f["factor"]], alignments[f["alignment"]], verdict])
    head = [pf["col_factor"], pf["col_alignment"], pf["col_verdict"]]
    if analysis["divergent"]:
        summary = pf["divergence_some"].format(factors=sep.join(factors[f] for f in analysis["divergent"]))
    else:
        summary = pf["divergence_none"]
    if not analysis["divergent"] and [f for f in analysis["factors"] if f["alignment"] == "unknown"]:
        summary = ""  # "the interests agree" is not known while a factor is still open
    out.append(
        '<section class="widget-rule" data-rule="divergence"><h4>%s</h4>%s<p>%s %s</p></section>'
        % (
            escape(pf["divergence"]),
            table(head, rows, "widget-divergence", pf["divergence"]),
            escape(summary),
            cite("pf-gap", strings, links),
        )
    )
    # Rule two
    w = analysis["weight"]
    if w["level"] == "unknown":
        verdict = pf["weight_open"].format(levels=sep.join(levels[x] for x in w["range"]))
        steps = [pf["weight_open_why"]]
    else:
        verdict = pf["weight_result"].format(level=levels[w["level"]])
        steps = []
        if w["base"]:
            steps.append(pf["weight_base"].format(sale_type=sale_types[analysis["sale_type"]], level=levels[w["base"]]))
        if w["up"]:
            steps.append(pf["weight_up"].format(rating=w["individual_risk"]))
        if w["down"]:
            steps.append(pf["weight_down"].format(rating=w["org_switching"]))
        if w["clamped"] == "high":
            steps.append(pf["weight_clamped_high"])
        elif w["clamped"] == "low":
            steps.append(pf["weight_clamped_low"])
    out.append(
        '<section class="widget-rule" data-rule="weight" data-level="%s"><h4>%s</h4>'
        '<p class="widget-verdict"><strong>%s</strong></p><p><strong>%s</strong></p><ul>%s</ul><p>%s</p></section>'
        % (
            w["level"],
            escape(pf["weight"]),
            escape(verdict),
            escape(strings.UI["why"]),
            "".join("<li>%s</li>" % escape(s) for s in steps),
            cite("pf-sale-types", strings, links),
        )
    )
    # Rule three
    items = []
    for e in analysis["emphases"]:
        if e["code"] == "lower_individual_risk":
            text = strings.RISK_REMEDIES[e["source"]].format(rating=e["rating"])
            link = "pf-rules"
        elif e["code"] in ("answer_rivals", "challenge_rivals"):
            text = strings.EMPHASES[e["code"]].format(rivals=sep.join(rival_text(r, strings) for r in e["rivals"]))
            link = "ca-attack"
        else:
            names = sep.join(factors[f] for f in e.get("factors", ()))
            text = strings.EMPHASES[e["code"]].format(rating=e.get("rating", 0), factors=names)
            link = ""
        items.append(
            '<li data-emphasis="%s">%s%s</li>'
            % (e["code"], escape(text), " " + cite(link, strings, links) if link else "")
        )
    body = (
        '<ul class="widget-emphases">%s</ul>' % "".join(items) if items else "<p>%s</p>" % escape(pf["emphasis_none"])
    )
    out.append(
        '<section class="widget-rule" data-rule="emphasis"><h4>%s</h4>%s<p>%s</p></section>'
        % (escape(pf["emphasis"]), body, cite("pf-rules", strings, links))
    )
    # Rule four
    d = analysis["departing"]
    hospitality = strings.HOSPITALITY[analysis["hospitality"]] + strings.HOSPITALITY_WHERE[analysis["sale_type"]]
    settled = d["level"] not in ("none", "unknown")
    departing = pf["departing_level"].format(level=levels[d["level"]]) if settled else ""
    reason = strings.DEPARTING[d["reason"]].format(
        switching=d["switching"], level=levels[w["level"]] if w["level"] != "unknown" else ""
    )
    out.append(
        '<section class="widget-rule" data-rule="implications"><h4>%s</h4>'
        '<p data-implication="hospitality" data-level="%s"><strong>%s</strong> %s %s</p>'
        '<p class="widget-compliance"><strong>%s</strong> %s %s</p>'
        '<p data-implication="departing" data-level="%s"><strong>%s</strong> %s %s</p></section>'
        % (
            escape(pf["implications"]),
            analysis["hospitality"],
            escape(pf["hospitality"]),
            escape(hospitality),
            cite("pf-expenses", strings, links),
            escape(pf["hospitality_rules"]),
            escape(strings.HOSPITALITY_RULES),
            cite("pf-compliance", strings, links),
            d["level"],
            escape(pf["departing"]),
            escape(departing + reason),
            cite("pf-departing", strings, links),
        )
    )
    if analysis["gaps"]:
        out.append(
            '<section class="widget-gaps"><h4>%s</h4>%s</section>'
            % (escape(pf["gaps"]), gap_list(analysis["gaps"], strings.PF_GAPS))
        )
    return "".join(out)


def rival_text(rival, strings):
    if rival["offer"]:
        return strings.PF["rival_item"].format(name=rival["name"], offer=rival["offer"])
    return rival["name"]
