"""British spellings in an American product, each with the American form to use instead."""

from __future__ import annotations

import re

# whole words (and their common endings) with the American spelling
_WORDS = {
    "licence": "license",
    "licences": "licenses",
    "programme": "program",
    "programmes": "programs",
    "judgement": "judgment",
    "judgements": "judgments",
    "acknowledgement": "acknowledgment",
    "practise": "practice",
    "practised": "practiced",
    "practises": "practices",
    "practising": "practicing",
    "defence": "defense",
    "offence": "offense",
    "offences": "offenses",
    "pretence": "pretense",
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "analogue": "analog",
    "cheque": "check",
    "cheques": "checks",
    "paycheque": "paycheck",
    "paycheques": "paychecks",
    "grey": "gray",
    "towards": "toward",
    "afterwards": "afterward",
    "amongst": "among",
    "whilst": "while",
    "learnt": "learned",
    "spelt": "spelled",
    "maths": "math",
    "mum": "mom",
    "mums": "moms",
    "aluminium": "aluminum",
    "tyre": "tire",
    "tyres": "tires",
    "storey": "story",
    "storeys": "stories",
    "plough": "plow",
    "kerb": "curb",
    "sceptical": "skeptical",
    "mould": "mold",
    "ageing": "aging",
    "enrol": "enroll",
    "enrols": "enrolls",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "skilful": "skillful",
    "wilful": "willful",
    "instalment": "installment",
    "jewellery": "jewelry",
    "manoeuvre": "maneuver",
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "theatre": "theater",
    "theatres": "theaters",
    "metre": "meter",
    "metres": "meters",
    "litre": "liter",
    "litres": "liters",
    "fibre": "fiber",
    "calibre": "caliber",
    "lustre": "luster",
    "meagre": "meager",
    "sombre": "somber",
}
# British -our stems; any ending may follow (colours, favourite, neighbourhood)
_OUR = (
    "colour",
    "favour",
    "honour",
    "labour",
    "neighbour",
    "behaviour",
    "humour",
    "rumour",
    "vapour",
    "harbour",
    "endeavour",
    "flavour",
    "savour",
    "parlour",
    "armour",
    "odour",
    "vigour",
    "rigour",
    "tumour",
    "saviour",
    "splendour",
    "candour",
)
# a doubled l before -ed, -ing, -er that American English keeps single
_DOUBLE_L = (
    "travell",
    "cancell",
    "modell",
    "labell",
    "levell",
    "counsell",
    "fuell",
    "signall",
    "totall",
    "marvell",
    "channell",
    "tunnell",
    "diall",
)
_L_ENDINGS = frozenset(["ed", "ing", "er", "ers", "or", "ors", "ous"])
# medical words: British ae/oe
_CLASSICAL = {
    "anaesth": "anesth",
    "paediatr": "pediatr",
    "orthopaed": "orthoped",
    "haemo": "hemo",
    "haema": "hema",
    "anaemi": "anemi",
    "leukaemi": "leukemi",
    "oesophag": "esophag",
    "oedema": "edema",
    "oestrogen": "estrogen",
    "foet": "fet",
    "gynaecolog": "gynecolog",
    "encyclopaedi": "encyclopedi",
}
# words spelled -ise in American English too
_ISE_KEPT = frozenset(
    [
        "advise",
        "advertise",
        "arise",
        "chastise",
        "circumcise",
        "comprise",
        "compromise",
        "demise",
        "despise",
        "devise",
        "disguise",
        "enterprise",
        "excise",
        "exercise",
        "expertise",
        "franchise",
        "improvise",
        "incise",
        "merchandise",
        "noise",
        "otherwise",
        "poise",
        "praise",
        "premise",
        "promise",
        "raise",
        "revise",
        "rise",
        "supervise",
        "surmise",
        "surprise",
        "televise",
        "wise",
        "treatise",
        "precise",
        "concise",
        "paradise",
        "cruise",
        "bruise",
        "reprise",
        "likewise",
        "clockwise",
        "anise",
        "valise",
        "mortise",
        "guise",
        "turquoise",
        "porpoise",
        "tortoise",
        "chemise",
        "appraise",
        "sunrise",
        "disenfranchise",
        "enfranchise",
        "exorcise",
        "vise",
    ]
)
_STEMS = re.compile(
    "(?P<our>(?:dis|un)?(?:" + "|".join(_OUR) + "))"
    "|(?P<ll>" + "|".join(_DOUBLE_L) + ")"
    "|(?P<classical>" + "|".join(_CLASSICAL) + ")"
)
_PREFIXES = ("un", "re", "dis", "mis", "over", "under", "pre", "fund", "up")
_ISE = re.compile(r"^([a-z]{3,})(is|ys)(e|es|ed|ing|er|ers|ation|ations|ational)$")
_WORD = re.compile(r"[A-Za-z]+")


def british_spellings(text: str) -> list[tuple[str, str]]:
    """Each British spelling in ``text`` with its American form: [("licence", "license")]."""
    found: list[tuple[str, str]] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        american = american_form(word.lower())
        if american is not None:
            found.append((word, _same_case(american, word)))
    pay = re.search(r"\bpay cheques?\b", text, re.I)
    if pay:
        found = [pair for pair in found if pair[0].lower() not in ("cheque", "cheques")]
        found.append((pay.group(0), "paycheck" + ("s" if pay.group(0).endswith("s") else "")))
    return list(dict.fromkeys(found))


def american_form(word: str) -> str | None:
    """The American spelling of a lower-case British ``word``, or None when it is not one."""
    if word in _WORDS:
        return _WORDS[word]
    known = _STEMS.match(word)
    if known is not None:
        british = known.group(0)
        rest = word[len(british) :]
        if known.lastgroup == "our":
            return british[:-2] + "r" + rest
        if known.lastgroup == "ll" and rest in _L_ENDINGS:
            return british[:-1] + rest
        if known.lastgroup == "classical":
            return _CLASSICAL[british] + rest
    ise = _ISE.match(word)
    if ise:
        stem, middle, ending = ise.groups()
        base = stem + middle + "e"
        if not _kept_ise(base):
            return stem + ("iz" if middle == "is" else "yz") + ending
    return None


def _kept_ise(base: str) -> bool:
    """True for a word spelled -ise in American English too, alone or after a prefix."""
    return any(base == prefix + kept for prefix in ("", *_PREFIXES) for kept in _ISE_KEPT)


def _same_case(american: str, original: str) -> str:
    if original.isupper():
        return american.upper()
    if original[:1].isupper():
        return american[:1].upper() + american[1:]
    return american
