"""Topics: what a question is about, below its theme. A plan asks one question per topic,
and a core theme's slot takes only a question whose topic belongs to that theme."""

from __future__ import annotations

from ..model import Item
from .paraphrase import inferred_topic

WHAT_TO_ASK = "what-to-ask"
# the themes each shared topic belongs to; a topic not listed here fits any theme
HOME_THEMES: dict[str, frozenset[str]] = {
    topic: frozenset(themes.split())
    for topic, themes in {
        "getting-hired": "path hiring advice skills",
        "license-certification": "path skills hiring promotion advice",
        "coming-back": "path hiring advice workplace skills typical-day future-trends",
        "paying-for-training": "path skills advice hiring",
        "first-years": "path advice promotion typical-day likes-dislikes skills workplace",
        "promotion-path": "promotion",
        "pay-and-benefits": "likes-dislikes workplace hiring advice promotion path",
        "schedule-hours": "typical-day workplace likes-dislikes",
        "school-choice": "path skills advice",
        "day-structure": "typical-day workplace",
        "best-part": "likes-dislikes",
        "hardest-part": "likes-dislikes typical-day workplace",
        "field-future": "future-trends",
        "advice-now": "advice skills",
        WHAT_TO_ASK: "closing",
        "tools-technology": "skills typical-day future-trends workplace",
        "team-people": "workplace typical-day likes-dislikes",
        "stress-burnout": "likes-dislikes workplace typical-day advice",
        "safety-risk": "typical-day workplace likes-dislikes skills",
        "internships": "path hiring advice skills",
        "side-projects": "skills advice path hiring",
    }.items()
}
SHARED_TOPICS = tuple(HOME_THEMES)


def topic_of(item: Item) -> str | None:
    """The item's topic as written, else the one its words settle on (licenses, paying for
    training), else None."""
    return item.topic or inferred_topic(item.text)


def fits_theme(item: Item, theme: str) -> bool:
    """True when the item's written topic belongs to ``theme`` (or has no home theme)."""
    home = HOME_THEMES.get(item.topic or "")
    return home is None or theme in home
