"""Lint rules about what an item says to whom: why lines that teach, broad items that fit
every job they reach, questions on their theme, and nothing US child-labor rules bar for a
high-school learner."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..catalog.fields import normalize
from ..model import Item, Taxonomy
from ..planning.topics import HOME_THEMES
from .rules import MIN_WHY_WORDS, Finding, finding

# "Shows the route into copywriting.": a template that names the field and teaches nothing
FORMULAIC_WHY = re.compile(
    r"^(shows|reveals|gives|explains) (the |a )?("
    r"(routes?|paths?|ways?|road) (in)?to\b|"
    r"(real|everyday|daily|day-to-day|hands-on|actual) (work|job|life|side) of\b|"
    r"(lifestyle|hours and work|rewards and pressures|mix of work) (of|in)\b|"
    r"why people (choose|pick|go into)\b|"
    r"where [\w' -]+ is (heading|going)\b)",
    re.I,
)
FORMULAIC_MAX_WORDS = 11
# words that belong to some jobs only: said to a whole cluster they reach jobs they don't fit
NARROW_WORDS = {
    "patients": r"patients|patient care|bedside",
    "grading": r"grading|grade papers|lesson plans?|classroom",
    "shift pay": r"shift pay|overtime|night shifts?",
    "tenure": r"tenure",
    "customers in a store": r"sales floor|cash register|retail counter",
    "a job site": r"job ?sites?|work ?sites?|on the site",
    "the shop floor": r"shop floor|factory floor|production line|assembly line",
    "pricing or contracts": r"pricing|contracts?|invoic\w+|rates? you charge",
    "a patrol or arrests": r"patrol|arrests?",
    "the kitchen": r"kitchen|menu",
    "trucks and routes": r"trucks?|delivery routes?|logistics|transportation",
    "a license exam": r"licens\w+ exam|board exams?|bar exam",
    "a lab bench": r"lab bench|wet lab|bench work",
    "crops or livestock": r"crops?|livestock|herd|harvest",
}
_NARROW = {label: re.compile(rf"\b({words})\b", re.I) for label, words in NARROW_WORDS.items()}
# words that say a question is about something other than its theme
OFF_THEME = {
    "promotion": (
        r"come back|coming back|came back|return(ing)? to (work|the field)|re-?ent(er|ry)|"
        r"time away|pensions?|retire\w*",
        "re-entry, pensions and retirement are not growth or advancement",
    ),
    "likes-dislikes": (
        r"academy|boot camp|training program|training at|what was (\w+ )?training|"
        r"how did you get (in|hired)",
        "training and getting in are not what someone likes or dislikes",
    ),
}
_OFF_THEME = {
    theme: (re.compile(rf"\b({w})\b", re.I), why) for theme, (w, why) in OFF_THEME.items()
}
# work that the Fair Labor Standards Act's hazardous occupations orders (and state alcohol
# laws) bar for most workers under 18
BARRED_WORK = {
    "roofing": r"roof\w*",
    "driving": r"driv(e|es|ing|er's seat)|behind the wheel",
    "forklifts and hoists": r"forklifts?|cranes?|hoists?|power equipment|power tools?",
    "power saws": r"(chain|circular|band|table|power) ?saws?|sawmill\w*",
    "meat slicers": r"meat slicers?|slicers?|meat (processing|cutting)|butcher\w*",
    "alcohol service": r"bartend\w*|(serv|pour)(e|es|ing)? (alcohol|drinks|liquor|beer|wine)",
    "excavation and demolition": r"excavat\w+|trench\w*|demolition|wrecking",
    "mining and logging": r"mining|mines|logging|fell(ing)? trees",
    "explosives": r"explosives?|blasting|fireworks",
    "radiation": r"radiation|radioactive",
}
_BARRED = {label: re.compile(rf"\b({w})\b", re.I) for label, w in BARRED_WORK.items()}
LEARNER = re.compile(r"\b(i|me|my|myself)\b", re.I)


def why_findings(item: Item) -> Iterator[Finding]:
    """A why line under the minimum, or a template that names the field and teaches nothing."""
    if item.kind != "question" or not item.why:
        return
    count = len(item.why.split())
    if count < MIN_WHY_WORDS:
        yield finding("why-line", f"{count} words: {item.why}", item)
    elif count <= FORMULAIC_MAX_WORDS and FORMULAIC_WHY.match(item.why):
        yield finding("why-line", f"a formula, not what the answer tells: {item.why}", item)


def fit_findings(item: Item, taxonomy: Taxonomy) -> Iterator[Finding]:
    """A cluster- or sub-cluster-wide item, with no `not_for`, that uses a narrow job's words
    its sub-cluster's own name does not share (a cluster's name is an umbrella: "Supply Chain
    & Transportation" holds car mechanics, who are not in transportation)."""
    if item.kind != "question" or item.not_for:
        return
    broad = [f for f in item.fields if len(taxonomy.reach(f)) > 1]
    if not broad:
        return
    said = " ".join([item.text, *item.follow_ups])
    names = " ".join(_field_names(taxonomy, f) for f in broad)
    for label, pattern in _NARROW.items():
        found = pattern.search(said)
        if found and not pattern.search(names):
            occupations = {o.id for o in taxonomy.occupations}
            jobs = len(set().union(*(taxonomy.reach(f) for f in broad)) & occupations)
            yield finding(
                "broad-fit",
                f"says {found.group(0)!r} ({label}) to all {jobs} jobs of "
                f"{', '.join(broad)}: {item.text}",
                item,
            )
            return


def theme_findings(item: Item, core: frozenset[str]) -> Iterator[Finding]:
    """On a core theme: a topic that belongs to other themes, or words that say the question
    is about something else (a core slot must hold a question on its theme)."""
    if item.kind != "question" or item.theme not in core:
        return
    home = HOME_THEMES.get(item.topic or "")
    if home is not None and item.theme not in home:
        yield finding(
            "off-theme",
            f"topic {item.topic!r} belongs to {', '.join(sorted(home))}, not {item.theme!r}: "
            f"{item.text}",
            item,
        )
        return
    off = _OFF_THEME.get(item.theme)
    if off is not None:
        found = off[0].search(item.text)
        if found:
            yield finding("off-theme", f"{found.group(0)!r}: {off[1]}: {item.text}", item)


def child_labor_findings(item: Item) -> Iterator[Finding]:
    """An item a high-school learner gets that suggests work barred for under-18s: any such
    word when the item names the stage, or the learner doing it when it names no stage."""
    if item.stages and "high-school" not in item.stages:
        return
    said = " ".join([item.text, *item.follow_ups])
    if not item.stages and not LEARNER.search(said):
        return
    for label, pattern in _BARRED.items():
        found = pattern.search(said)
        if found:
            yield finding(
                "child-labor",
                f"{found.group(0)!r} ({label}) in an item for high-school students: {item.text}",
                item,
            )
            return


@lru_cache(maxsize=512)
def _names_of(taxonomy: Taxonomy) -> dict[str, str]:
    names: dict[str, list[str]] = {}
    for cluster in taxonomy.clusters:
        for sub in cluster.subclusters:
            names[sub.id] = [sub.title, *sub.aliases]
    return {field: normalize(" ".join(parts)) for field, parts in names.items()}


def _field_names(taxonomy: Taxonomy, field: str) -> str:
    return _names_of(taxonomy).get(field, "")
