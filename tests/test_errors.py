"""Every error a user can cause is a MediakitError with a message naming the file (malformed settings included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.codebook import Codebook
from mediakit.errors import MediakitError, ResourceError
from mediakit.lexicon import load_lexicon


def test_malformed_lexicon_row_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "verbs.tsv"
    f.write_text("# mine\nmutter\tloaded\tsay\tmutter\nsnap\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"verbs.tsv line 3"):
        load_lexicon(f)


def test_unknown_lexicon_class_lists_the_valid_ones(tmp_path: Path) -> None:
    f = tmp_path / "verbs.tsv"
    f.write_text("mutter\tangry\tsay\tmutter\n", encoding="utf-8")
    with pytest.raises(MediakitError, match="classes: neutral"):
        load_lexicon(f)


def test_unreadable_lexicon_is_a_mediakit_error(tmp_path: Path) -> None:
    with pytest.raises(MediakitError, match="cannot read"):
        load_lexicon(tmp_path / "missing.tsv")
    f = tmp_path / "latin1.tsv"
    f.write_bytes("mutter\tloaded\tsay\tmurmur\xe9\n".encode("latin-1"))
    with pytest.raises(MediakitError, match="not UTF-8"):
        load_lexicon(f)


def test_codebook_in_another_encoding_is_a_mediakit_error(tmp_path: Path) -> None:
    f = tmp_path / "book.yaml"
    f.write_bytes("categories:\n  caf\xe9: {names: [x]}\n".encode("latin-1"))
    with pytest.raises(MediakitError, match="not UTF-8"):
        Codebook.load(f)
    with pytest.raises(MediakitError, match="cannot read"):
        Codebook.load(tmp_path / "nope.yaml")
