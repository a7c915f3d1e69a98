"""Write the invented student annotations of notebook 07 ("the classroom") into this folder.

    python data/classroom/make_classroom.py            # rewrite the files (the same bytes every time)
    python data/classroom/make_classroom.py --check    # exit 1 if a file differs from what this script writes

Four invented students marked the quotes and speakers of one teaching-corpus article, each in the way
students do (see README.md here): the files are what mediakit's Annotator widget saves (``NAME.ann``, brat
standoff in the layout of the corpus gold, and ``NAME.json``, the sidecar with the speakers' names and the
text), so notebook 07 reads them exactly as it reads a class's own. The marks are made from the gold key
of the article, changed by hand-written rules, so they follow the article if it is rebuilt.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DOC = "lantern-2026-03-05-hollin-shopkeeper"

# What each student did with each of the key's attributions (E1 ... E14, in text order), by rule:
#   "full"     marked it, speaker by full name      "surname"  marked it, speaker by surname
#   "skip"     did not mark it                     "first"    marked only the first piece of a broken quote
#   other text marked it, with that text as the speaker (a wrong or vague one)
PLANS: dict[str, dict[str, str]] = {
    # careful and complete, but leaves out the hedge and the buyers (no one is "speaking" there, she says)
    "amira": {"E8": "skip", "E9": "skip"},
    # marks only words in quotation marks, and gives Holm's "It never came" to the shopkeeper
    "ben": {"E2": "skip", "E5": "skip", "E6": "Nadia Fell", "E8": "skip", "E9": "skip", "E10": "skip",
            "E11": "skip", "E12": "skip", "E13": "skip"},
    # marks everything, names people by surname, and marks a sentence of narrative as a quote too
    "chloe": {k: "surname" for k in ("E2", "E3", "E4", "E5", "E6", "E7", "E10", "E11", "E12", "E13", "E14")}
    | {"E8": "", "E9": "buyers"},
    # marks the ministry, not its spokesman, as the one who "insisted"; "the minister" for Vasko; and only
    # the first paragraph of the shopkeeper's long quote
    "dev": {"E2": "the minister", "E4": "first", "E8": "skip", "E13": "the ministry", "E9": "skip"},
}
FALSE_POSITIVE = {"chloe": ("Hollin, a village of stone cottages", "residents.", "residents")}


def build() -> dict[str, tuple[str, str]]:
    """``{student: (ann text, json text)}`` for every student."""
    import json
    import tempfile

    import mediakit
    from mediakit.datasets import load_corpus
    from mediakit.widgets.standoff import Annotation, save_annotations
    from mediakit.widgets.text import reading_blocks

    corpus = load_corpus(ROOT / "data" / "corpus")
    text = corpus.text(DOC)
    article = mediakit.extract(text=text)
    assert article.source == text
    blocks = reading_blocks(article)
    gold = {r["attribution"]: r for r in corpus.gold(DOC).iter_rows(named=True)}
    out = {}
    for student, plan in PLANS.items():
        marks = []
        for eid, row in gold.items():
            how = plan.get(eid, "full")
            if how == "skip":
                continue
            start, end = row["content_start"], row["content_end"]
            if how == "first":
                start, end = row["content_ranges"][0]
            speaker = row["speaker"]
            if how == "surname" and speaker:
                speaker = speaker.split()[-1]  # every speaker so marked is a person
            elif how not in ("full", "first", "surname"):
                speaker = how or None
            source = (row["source_start"], row["source_end"]) if row["source_start"] is not None else None
            cue = (row["cue_start"], row["cue_end"]) if row["cue_start"] is not None else None
            marks.append(Annotation(start, end, speaker, source, cue))
        if student in FALSE_POSITIVE:
            first, last, who = FALSE_POSITIVE[student]
            s = text.index(first)
            marks.append(Annotation(s, text.index(last, s) + len(last), who))
        with tempfile.TemporaryDirectory() as tmp:
            ann, side = save_annotations(Path(tmp) / student, text, marks, doc=DOC, annotator=student, blocks=blocks)
            json.loads(side.read_text(encoding="utf-8"))
            out[student] = (ann.read_text(encoding="utf-8"), side.read_text(encoding="utf-8"))
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for student, (ann, side) in build().items():
        for suffix, data in ((".ann", ann), (".json", side)):
            path = HERE / f"{student}{suffix}"
            current = path.read_text(encoding="utf-8") if path.is_file() else None
            if current == data:
                continue
            if check:
                stale.append(path.name)
            else:
                path.write_text(data, encoding="utf-8")
                print("wrote", path.relative_to(ROOT))
    if stale:
        print("out of date (run python data/classroom/make_classroom.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
