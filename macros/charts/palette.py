"""The site's colours, one per meaning, for the light and the dark palette.

Charts are written with the light colours; charts.js swaps in the dark ones when the reader uses the
dark palette (it reads this module's map from assets/charts/templates.json). The knowledge-level
colours are the badges' own (site.css; a test holds the two to the same values). Every colour that
draws a line or text has a contrast of at least 3:1 (lines) or 4.5:1 (text) against its palette's
background (a test measures the drawn charts).
"""

from __future__ import annotations

AREA = "#1f5f8b"
NATIONAL = "#a3541c"
THRESHOLD = "#555555"  # the dashed line of a list threshold
LABEL = "#444444"  # text drawn beside a mark
PERIOD = "#6b6b6b"  # a helhedsplan's years, shaded
SERIES = (AREA, NATIONAL, "#2e7d32", "#6a3d9a", "#8a6d00", THRESHOLD)  # areas compared, lists counted
LEVELS = ("#e3e3e3", "#fbe3b4", "#d3e6f6", "#9cc9ea", "#1f5f8b")  # knowledge levels 0–4, as the badges

DARK = {
    AREA: "#8cc4ee", NATIONAL: "#f0a868", THRESHOLD: "#b4b4b4", LABEL: "#d6d6d6", PERIOD: "#c8c8c8",
    "#2e7d32": "#8fd694", "#6a3d9a": "#c9aef0", "#8a6d00": "#e6c85c",
    "#e3e3e3": "#3c3c3c", "#fbe3b4": "#5c4512", "#d3e6f6": "#24476a", "#9cc9ea": "#2d6a99",
}
# the badge of level 4 is light in the dark palette (its bar may not take the blue of the area line there)
DARK_LEVELS = ("#3c3c3c", "#5c4512", "#24476a", "#2d6a99", "#8ccbf2")

# Axis, legend and text colours of every chart, per palette (Vega-Lite config).
_TEXT = {"light": "#333333", "dark": "#e6e6e6"}
_RULE = {"light": "#8a8a8a", "dark": "#9a9a9a"}
_GRID = {"light": "#e6e6e6", "dark": "#3a3d4a"}


def config(scheme: str) -> dict:
    text, rule, grid = _TEXT[scheme], _RULE[scheme], _GRID[scheme]
    return {
        "background": None,
        "font": "Roboto, -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif",
        "axis": {"labelColor": text, "titleColor": text, "domainColor": rule, "tickColor": rule, "gridColor": grid, "labelFontSize": 11, "titleFontSize": 11},
        "legend": {"labelColor": text, "titleColor": text, "labelFontSize": 11, "titleFontSize": 11},
        "text": {"color": text},
        "view": {"stroke": None},
    }


def for_charts_js() -> dict:
    """What charts.js needs: the dark colour of each light one, and the config of each palette."""
    return {"dark": DARK, "config": {"light": config("light"), "dark": config("dark")}}
