"""Actors: the people, organisations, places, groups, events and anonymous sources an article mentions.

:func:`find_actors` reads only the spans it is given (the headline, standfirst and body paragraphs of a
clean :class:`~mediakit.model.Article`; never removed boilerplate) and returns one :class:`Actor` per
referent, each with every :class:`Mention` (a character span into the untouched source) and the rule
that found it. No trained model is used; every decision is one of the rules below, and the word lists
they read are plain text files in ``mediakit/resources/`` (``roles.tsv``, ``organisation_words.tsv``,
``group_words.txt``, ``anonymous_sources.txt``, ``countries.tsv``, ``places.tsv``, ``organisations.tsv``,
``groups.tsv``, ``given_names.txt``, ``actor_words.txt``; see the folder's ``README.md``).

What it finds
-------------
* **Name runs**: runs of capitalised words ("Rupert Colville", "South China Morning Post"), joined by
  "of/for/and/the" only inside organisation or title names ("Ministry of Water and Energy", "Secretary
  of State"). A run is typed by the lists: a country, capital, place, organisation or group name; an
  organisation head word (Ministry, Office, Commission, Party, Inc, Post, Times...); an event head
  (Olympics, Summit, Election...); a place head (River, Valley, Province...); otherwise a person when
  something shows it (a given name, an honorific, a title or role, a speech verb after it, a later
  surname-only mention).
* **Roles and affiliations** from titles inside the run ("UN High Commissioner for Human Rights
  Michelle Bachelet": role "High Commissioner for Human Rights", affiliation "United Nations"), from
  pre-modifiers ("Chinese foreign ministry spokesman Zhao Lijian": role "foreign ministry spokesman",
  affiliation "China") and from appositions before or after the name ("Rupert Colville, spokesman for
  the UN Human Rights Office").
* **One actor per referent**: surname-only, first-name-only, honorific and possessive forms join the
  full name ("Ms Michelle Bachelet", "Bachelet", "Bachelet's office"); acronyms join their expansion
  ("UN", "the UN's", "United Nations"; an acronym in brackets after a name or one made of its
  initials); "the Post" joins "The Washington Post"; "the high commissioner" joins the one person
  whose role ends that way.
* **Capitals for governments**: "Beijing insisted", "Washington is doubling down" are mentions of the
  country (switch off with ``capitals_as_governments=False``); after "in/at/near..." a capital stays a
  place.
* **Groups**: nationalities and peoples ("Americans", "Uyghurs"), religious groups, and plural group
  nouns ("activists", "officials", "local residents").
* **Anonymous sources**: "sources", "a source close to the talks", "people familiar with the matter",
  "a senior official who asked not to be named".
* **Boundaries and types**: photo and video credits ("(Jo Ruiz/The Valley Press)", "Jo Ruiz/Getty
  Images", "Jo Ruiz has more") and datelines ("OSLAVA --") are not read; a title with no name after it
  ("Energy Minister") is not an actor; organisations that look like people are typed by their words
  ("Manitoba Hydro", "Veterans Affairs", "Statistics Canada", a brand with a capital inside such as
  "TransLink", a plural name after "the" such as "the Carolina Hurricanes", a name after an
  organisation word such as "the aid group Gatsby"); particles stay inside a name ("Abir Al Basha", "Ben
  van der Pluijm", "DeLaet"); an age (", 39,"), an apposition ("Sten Corr, an electrician,") or a he/she
  later in the sentence a name opens is evidence of a person; a first name alone with a role of its own
  ("Okafor's father, Joseph") is not merged into a namesake ("Joseph Adeyemi").

What it misses
--------------
* Names written in lower case, names split by a line break, and single capitalised words with no
  evidence at all (they are left out rather than guessed).
* Coreference beyond names, acronyms, unique role descriptions and (in :mod:`mediakit.analysis`)
  pronouns: "the 67-year-old", "the company" and "the former teacher" stay unlinked.
* A country is typed "place" here even when it acts (:mod:`mediakit.speakers` types a country that
  speaks as an organisation); its mentions say when a capital stood for its government. Headline-style
  Title Case spans only confirm names already found in the body.
* Person names with no given name in the list, no title, no honorific and no speech verb.

Where the code lives
--------------------
``results`` (:class:`Actor`, :class:`Mention`), ``lexicon`` (the word lists), ``patterns`` (regular
expressions), ``parts`` (a capitalised run cut into name parts, and what a part's words say),
``candidates`` (candidate mentions and what one call has found), ``classify`` (a name part read in
its sentence), ``scan`` (one pass over the spans), ``assemble`` (candidates merged into actors).
"""

from __future__ import annotations

from ..budget import check
from ..model import Span
from .assemble import Assembler
from .lexicon import lexicon
from .patterns import anonymous_name, is_title_case
from .results import ACTOR_TYPES, Actor, Mention
from .scan import Finder

# the word lists and the naming of anonymous sources, as mediakit.analysis imports them
_lex = lexicon
_anonymous_name = anonymous_name

__all__ = ["ACTOR_TYPES", "Actor", "Mention", "actors_from_entities", "find_actors", "is_title_case"]


def actors_from_entities(
    source: str, spans: list[Span], entities: list[tuple[int, int, str]], *, capitals_as_governments: bool = True
) -> list[Actor]:
    """Actors from named entities found by another tool (``(start, end, label)`` source offsets with
    spaCy labels: PERSON, ORG, GPE, LOC, FAC, NORP, EVENT), merged, typed and given roles by the same
    rules as :func:`find_actors`. Anonymous sources and group nouns still come from the rules."""
    finder = Finder(source, spans, capitals_as_governments)
    ents = []
    for s, e, label in sorted(entities):
        for i, sp in enumerate(finder.spans):
            if sp.start <= s and e <= sp.start + len(sp.text):
                ents.append((i, s - sp.start, e - sp.start, label))
                break
    finder.scan_entities(ents)
    return Assembler(finder.found).run()


def find_actors(source: str, spans: list[Span], *, capitals_as_governments: bool = True) -> list[Actor]:
    """Find the actors mentioned in ``spans`` of ``source`` (see the module docstring for the rules).

    ``spans`` are the kept parts of an article: title, standfirst, paragraphs (captions if wanted),
    never removed boilerplate. Actors come back in order of first mention with ids ``A1``, ``A2``...

    >>> text = "Ms Ana Petrov, a spokeswoman for the Harbour Board, said the plan was sound. Petrov added more."
    >>> [(a.name, a.type, a.role, a.affiliation, len(a.mentions)) for a in find_actors(text, [Span(0, len(text))])]
    [('Ana Petrov', 'person', 'spokeswoman', 'Harbour Board', 2), ('Harbour Board', 'organisation', None, None, 1)]
    """
    finder = Finder(source, spans, capitals_as_governments)
    finder.scan()
    check()
    return Assembler(finder.found).run()
