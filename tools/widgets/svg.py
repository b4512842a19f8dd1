"""SVG charts for the two widgets, drawn from analysis results with integer coordinates.

Charts are read without colour: every point carries its number, every bar its side and
value, and the chart's title and description name what it shows.
"""

from tools.widgets.markup import escape

# Relationship map: sums of three ratings (3..15) on both axes, 24 px per step. The axes are
# chapter 3's two-by-two: personal relationship across, organisational value up.
# Sized so that at a phone's width (about 330 px for the chart) no text is under 12 px.
PLOT_LEFT = 46
PLOT_TOP = 12
STEP = 24
PLOT_SIZE = 12 * STEP
# The dashed lines sit between "not above the middle" (sums up to 9) and "above" (10 up).
THRESHOLD_SUM_X2 = 19
RADIUS = 13
# Where the k-th contact at the same spot is drawn, so none hides another.
NUDGES = (
    (0, 0),
    (24, 0),
    (-24, 0),
    (0, 24),
    (0, -24),
    (24, 24),
    (-24, -24),
    (24, -24),
    (-24, 24),
    (48, 0),
    (-48, 0),
    (0, 48),
)


def x_of(total):
    return PLOT_LEFT + (total - 3) * STEP


def y_of(total):
    return PLOT_TOP + (15 - total) * STEP


def relationship_chart(contacts, strings, uid):
    """The two-by-two with every contact placed by his personal (across) and organisational
    (up) sums."""
    rel = strings.REL
    width = PLOT_LEFT + PLOT_SIZE + 14
    height = PLOT_TOP + PLOT_SIZE + 52
    right = PLOT_LEFT + PLOT_SIZE
    bottom = PLOT_TOP + PLOT_SIZE
    mid_x = PLOT_LEFT + (THRESHOLD_SUM_X2 - 6) * STEP // 2
    mid_y = PLOT_TOP + (30 - THRESHOLD_SUM_X2) * STEP // 2
    types = dict(strings.TYPES)
    parts = [
        '<svg class="widget-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" '
        'role="img" aria-labelledby="%s-title %s-desc">' % (width, height, width, height, uid, uid),
        '<title id="%s-title">%s</title>' % (uid, escape(rel["chart_title"])),
        '<desc id="%s-desc">%s %s</desc>' % (uid, escape(rel["chart_desc"]), escape(describe(contacts, strings))),
        '<rect class="plot" x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#666"/>'
        % (PLOT_LEFT, PLOT_TOP, PLOT_SIZE, PLOT_SIZE),
        '<line class="threshold" x1="%d" y1="%d" x2="%d" y2="%d" stroke="#666" stroke-dasharray="6 4"/>'
        % (mid_x, PLOT_TOP, mid_x, bottom),
        '<line class="threshold" x1="%d" y1="%d" x2="%d" y2="%d" stroke="#666" stroke-dasharray="6 4"/>'
        % (PLOT_LEFT, mid_y, right, mid_y),
    ]
    corners = (
        ("supplier", PLOT_LEFT + 8, PLOT_TOP + 22, "start"),
        ("partner", right - 8, PLOT_TOP + 22, "end"),
        ("outsider", PLOT_LEFT + 8, bottom - 10, "start"),
        ("friend", right - 8, bottom - 10, "end"),
    )
    for kind, x, y, anchor in corners:
        parts.append(
            '<text class="quadrant" x="%d" y="%d" text-anchor="%s" font-size="16" fill="#555">%s</text>'
            % (x, y, anchor, escape(types[kind]))
        )
    for score in range(1, 6):
        total = score * 3
        parts.append(
            '<text class="tick" x="%d" y="%d" text-anchor="middle" font-size="14" fill="#333">%d</text>'
            % (x_of(total), bottom + 18, score)
        )
        parts.append(
            '<text class="tick" x="%d" y="%d" text-anchor="end" font-size="14" fill="#333">%d</text>'
            % (PLOT_LEFT - 7, y_of(total) + 5, score)
        )
    parts.append(
        '<text class="axis" x="%d" y="%d" text-anchor="middle" font-size="15" fill="#222">%s</text>'
        % (PLOT_LEFT + PLOT_SIZE // 2, bottom + 42, escape(rel["chart_x"]))
    )
    parts.append(
        '<text class="axis" x="%d" y="%d" text-anchor="middle" font-size="15" fill="#222" '
        'transform="rotate(-90 %d %d)">%s</text>'
        % (16, PLOT_TOP + PLOT_SIZE // 2, 16, PLOT_TOP + PLOT_SIZE // 2, escape(rel["chart_y"]))
    )
    seen = {}
    for contact in contacts:
        if contact["type"] == "unknown":
            continue  # no place yet: the description and the table name him
        spot = (contact["personal_sum"], contact["org_sum"])
        k = seen.get(spot, 0)
        seen[spot] = k + 1
        dx, dy = NUDGES[k % len(NUDGES)]
        x = min(max(x_of(spot[0]) + dx, PLOT_LEFT + RADIUS), right - RADIUS)
        y = min(max(y_of(spot[1]) + dy, PLOT_TOP + RADIUS), bottom - RADIUS)
        parts.append(
            '<g class="point" data-type="%s">'
            '<circle cx="%d" cy="%d" r="%d" fill="#fff" stroke="#1f4e79" stroke-width="2"/>'
            '<text x="%d" y="%d" text-anchor="middle" font-size="15" font-weight="700" fill="#1f4e79">%d</text></g>'
            % (contact["type"], x, y, RADIUS, x, y + 5, contact["position"] + 1)
        )
    parts.append("</svg>")
    return "".join(parts)


def describe(contacts, strings):
    """Every contact's number, name and type, for readers who cannot see the chart."""
    types = dict(strings.TYPES)
    items = []
    for c in contacts:
        items.append(strings.REL["chart_item"].format(n=c["position"] + 1, name=c["name"], type=types[c["type"]]))
    return strings.REL["chart_sep"].join(items)


# Purchase factors: per factor a title line (the factor, and on the right whether it points
# both sides to the same supplier), then one bar per side, 48 px per rating point. As narrow
# as the relationship chart, for the same reason.
CHART_WIDTH = 344
BAR_LEFT = 80
BAR_UNIT = 48
BAR_HEIGHT = 20
ROW_HEIGHT = 84
# Presentation attributes rather than CSS classes: the chart must look right in the PDF,
# which is typeset without the site's stylesheets.
BAR_FILL = {"organisation": "#9db8dc", "individual": "#e7c27d"}


def purchase_chart(analysis, strings, uid):
    """Organisation and individual ratings of each factor, rule one's verdict in words."""
    pf = strings.PF
    factors = dict(strings.FACTORS)
    sides = strings.SIDES
    width = CHART_WIDTH
    height = ROW_HEIGHT * len(analysis["factors"]) + 4
    parts = [
        '<svg class="widget-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" '
        'role="img" aria-labelledby="%s-title %s-desc">' % (width, height, width, height, uid, uid),
        '<title id="%s-title">%s</title>' % (uid, escape(pf["chart_title"])),
        '<desc id="%s-desc">%s</desc>' % (uid, escape(pf["chart_desc"])),
    ]
    for row in range(len(analysis["factors"])):
        item = analysis["factors"][row]
        top = 4 + row * ROW_HEIGHT
        parts.append(
            '<text class="factor" x="0" y="%d" font-size="15" font-weight="700" fill="#222">%s</text>'
            % (top + 16, escape(factors[item["factor"]]))
        )
        if item["alignment"] == "unknown":
            verdict = pf["factor_open"]
        else:
            verdict = pf["diverges"] if item["diverges"] else pf["agrees"]
        parts.append(
            '<text class="verdict%s" x="%d" y="%d" text-anchor="end" font-size="15" fill="#222"%s>%s</text>'
            % (
                " diverges" if item["diverges"] else "",
                width - 2,
                top + 16,
                ' font-weight="700"' if item["diverges"] else "",
                escape(verdict),
            )
        )
        for lane in range(len(sides)):
            side, label = sides[lane]
            y = top + 26 + lane * (BAR_HEIGHT + 6)
            value = item[side]
            parts.append(
                '<text class="side" x="%d" y="%d" text-anchor="end" font-size="14" fill="#333">%s</text>'
                % (BAR_LEFT - 6, y + 15, escape(label))
            )
            if value == "unknown":
                # No bar for a rating nobody gave: a dashed outline of the scale and a "?".
                parts.append(
                    '<rect class="bar bar-open" x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#666" '
                    'stroke-dasharray="4 3"/>' % (BAR_LEFT, y, 5 * BAR_UNIT, BAR_HEIGHT)
                )
                parts.append(
                    '<text class="value" x="%d" y="%d" font-size="14" fill="#222">?</text>' % (BAR_LEFT + 6, y + 15)
                )
                continue
            parts.append(
                '<rect class="bar bar-%s" x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#333"/>'
                % (side, BAR_LEFT, y, value * BAR_UNIT, BAR_HEIGHT, BAR_FILL[side])
            )
            parts.append(
                '<text class="value" x="%d" y="%d" font-size="14" fill="#222">%d</text>'
                % (BAR_LEFT + value * BAR_UNIT + 5, y + 15, value)
            )
    parts.append("</svg>")
    return "".join(parts)
