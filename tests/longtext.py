"""Long invented texts for the scaling tests: plausible news words, names, roles and quotes, made up here.

Every word is invented or common English; nothing is copied from any article. The texts are made from a
seeded random generator, so a size always gives the same text.
"""

from __future__ import annotations

import random

WORDS = (
    "the council harbour board plan budget water river city workers school families police report week "
    "year road bridge funding project residents office court vote party spokesperson market price farmers "
    "rain storm community new old local public regional would could will might after before during about "
    "over under with from into because while when where this those these ferry pier repairs summer"
).split()
FIRST = "Lena Tomas Amira Jonas Priya Dmitri Hana Carlos Ines Pavel Grace Ruth Omar Sofia Felix Mara".split()
LAST = "Ortiz Brandt Khan Weller Raman Sokol Mori Vidal Duarte Novak Okafor Adler Haddad Lindqvist Moreau".split()
ORGS = [("Harbour Authority", "HA"), ("Riverside Water Board", "RWB"), ("Northfield Ferry Company", "NFC"),
        ("Coastal Health Trust", "CHT"), ("Regional Transport Office", "RTO")]
TITLES = ["Mayor", "Minister", "Dr", "Ms", "Mr", "Councillor", "Inspector"]
ROLES = ["spokeswoman", "director", "harbour master", "treasurer", "chief engineer"]


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def paragraphs(n: int, seed: int = 1) -> list[str]:
    """``n`` paragraphs of invented news: a Title Case subhead every seventh, then people with roles and
    organisations with acronyms, direct and reported quotes, pronouns and anonymous sources."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        org, acro = rng.choice(ORGS)
        role = rng.choice(ROLES)
        body = _words(rng, rng.randint(6, 12))
        k = i % 7
        if k == 0:
            p = f"{rng.choice(TITLES)} {first} {last} Backs {rng.choice(WORDS).capitalize()} Plan for {org}"
        elif k == 1:
            p = (f"{rng.choice(TITLES)} {first} {last}, the {role} of the {org} ({acro}), said {body}. "
                 f"{last} added that {_words(rng, 6)}.")
        elif k == 2:
            p = f'"{body.capitalize()}," said {last}. "{_words(rng, 6).capitalize()}," the {role} added.'
        elif k == 3:
            p = f"The {acro} said on Monday that {body}. It said {_words(rng, 5)}."
        elif k == 4:
            p = (f'{first} {last} told reporters: "{body.capitalize()}." She said {_words(rng, 5)}. '
                 f'"{_words(rng, 7).capitalize()}."')
        elif k == 5:
            p = f"Officials who asked not to be named said {body}. They said {_words(rng, 5)}."
        else:
            p = f"{body.capitalize()}, {last} said. The {role} said {_words(rng, 7)}."
        out.append(p)
    return out


def article(n: int, seed: int = 1) -> str:
    """``n`` paragraphs, one per line with a blank line between."""
    return "\n\n".join(paragraphs(n, seed))


def one_line(n: int, seed: int = 1) -> str:
    """The same paragraphs flattened into one line."""
    return " ".join(paragraphs(n, seed))


def unpunctuated(chars: int, seed: int = 1) -> str:
    """One line of about ``chars`` characters with no punctuation: short reported-speech clauses
    (``the treasurer said the ferry ...``) run together, as in a page whose punctuation was stripped."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < chars:
        clause = f"the {rng.choice(ROLES)} said the {_words(rng, rng.randint(4, 9))}"
        out.append(clause)
        total += len(clause) + 1
    return " ".join(out)
