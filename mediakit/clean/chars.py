"""Character-level patterns of the cleaner: list markers, sentence ends, letters, digits, scripts."""

from __future__ import annotations

import re

# A list marker at the start of a line: inscriptis-style "* ", "+ ", "o ", bullets, or "1." / "2)".
BULLET = re.compile(
    r"(?:[*+\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25a0\u2013\u2014-]|o(?= [A-Z0-9])|\d{1,2}[.)](?=\s))(?:\s+|$)"
)
# Sentence-final punctuation, allowing closing quotes and brackets after it.
TERMINAL = re.compile(r"(?:[.!?:;\u2026\u3002\uff01\uff1f\u061f]|\.\.\.)[\"'\u201d\u2019)\]\u00bb*]*$")
CLOSERS = "\"'\u201d\u2019)]\u00bb* "
"""What may follow the end of a sentence: closing quotes, brackets, emphasis."""
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
LETTER = re.compile(r"[^\W\d_]")
DIGIT = re.compile(r"\d")
COLUMN_GAP = re.compile(r" {2,}")  # table cells in converted HTML are separated by runs of spaces
