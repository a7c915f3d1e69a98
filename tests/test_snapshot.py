"""Outputs stay identical across refactors: the snapshot digest must not change unexpectedly."""

from __future__ import annotations

import snapshot


def test_outputs_match_snapshot() -> None:
    text = snapshot.dump(snapshot.rows())
    stored = snapshot.STORE.read_text(encoding="utf-8")
    assert snapshot.DIGEST.read_text(encoding="utf-8").strip() == snapshot.digest(stored), "digest file stale"
    changes = snapshot.diff(stored, text)
    assert not changes, "outputs changed (python tests/snapshot.py --diff):\n" + "\n".join(changes)
    assert snapshot.digest(text) == snapshot.digest(stored)
