"""``python -m mediakit.quotes rules``: print the rules page (``docs/rules.md``) made from the rule table."""
from __future__ import annotations

import argparse
import sys

from .rules import rules_markdown


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m mediakit.quotes", description=__doc__)
    ap.add_argument("what", choices=["rules"], help="rules: the attribution rules as Markdown (docs/rules.md)")
    ap.parse_args(argv)
    sys.stdout.write(rules_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
