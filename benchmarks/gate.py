"""Quality gate: run the benchmarks on the shared data and fail below the recorded floors.

Usage:
    python benchmarks/gate.py SHARED_DIR [--out DIR]

SHARED_DIR is the folder holding data/ and tools/ (in CI: ../shared). Floors live in
benchmarks/floors.json; a floor is checked only when its data is present (scrapinghub, polnear/dev,
ggt-dev: quotes, speakers by name, people quoted and named, and the reference article). Prints every figure and exits 1
when any floor is missed. Speed is printed, never gated.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _run(cmd: list[str]) -> str:
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0 and not r.stdout.strip():
        raise SystemExit(f"gate: command failed: {' '.join(cmd)}\n{r.stderr[-2000:]}")
    sys.stderr.write(r.stderr[-2000:] if r.returncode else "")
    return r.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shared", type=Path)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    floors = json.loads((HERE / "floors.json").read_text())
    data, tools = args.shared / "data", args.shared / "tools"
    out = args.out or Path(tempfile.mkdtemp(prefix="mediakit-gate-"))
    out.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    misses: list[str] = []

    def check(name: str, value: float) -> None:
        floor = floors.get(name)
        if floor is None:
            print(f"  {name} = {value:.4f} (no floor)")
            return
        ok = value >= floor
        print(f"  {name} = {value:.4f} (floor {floor}) {'ok' if ok else 'BELOW FLOOR'}")
        if not ok:
            misses.append(name)

    sh = data / "scrapinghub"
    if (sh / "ground-truth.json").exists():
        for name, folder in (("html", sh / "html"), ("scraped", sh / "scraped")):
            pred = out / f"extract_{name}.jsonl"
            print(_run([py, str(HERE / "extract_bench.py"), str(folder), str(pred), "--repeat", "1"]).strip())
            rep = json.loads(_run([py, str(tools / "score_extraction.py"), str(sh / "ground-truth.json"), str(pred), "--json"]))
            print(f"scrapinghub {name}: P {rep['precision']} R {rep['recall']} F1 {rep['f1']}")
            check(f"extraction_{name}_f1", rep["f1"])
    else:
        print("gate: no scrapinghub data; extraction floors not checked")

    dev = data / "polnear" / "dev"
    bench = HERE / "analyse_bench.py"
    if dev.exists() and bench.exists():
        pred = out / "quotes_dev.jsonl"
        print(_run([py, str(bench), str(dev), str(pred), "--repeat", "1"]).strip())
        rep = json.loads(_run([py, str(tools / "score_quotes.py"), str(dev), str(pred), "--json"]))
        for t in ("at_0.5", "at_0.9"):
            r = rep[t]
            print(f"polnear dev {t}: P {r['precision']} R {r['recall']} F1 {r['f1']} speaker {r['speaker_accuracy']} e2e {r['e2e_f1']}")
        check("quotes_dev_f1", rep["at_0.5"]["f1"])
        check("quotes_dev_speaker", rep["at_0.5"]["speaker_accuracy"])
    else:
        print("gate: no PolNeAR dev data or quotes benchmark; attribution floors not checked")

    ggt = data / "ggt-dev"
    if (ggt / "gold.jsonl").exists() and (ggt / "text").is_dir() and (tools / "score_speakers.py").exists():
        quotes, actors = out / "ggt_quotes.jsonl", out / "ggt_actors.jsonl"
        for which, path in (("quotes", quotes), ("actors", actors)):
            r = subprocess.run([py, "-m", "mediakit", which, str(ggt / "text"), "--format", "jsonl", "-o", str(path),
                                "--quiet"], capture_output=True, text=True)
            if r.returncode != 0 and not path.exists():
                raise SystemExit(f"gate: mediakit {which} failed on ggt-dev: {r.stderr[-2000:]}")
        line = _run([py, str(tools / "score_speakers.py"), str(ggt), str(quotes), str(actors)]).strip()
        print(line)
        figures = {
            "ggt_quotes_f1": r"quotes P [\d.]+ R [\d.]+ F1 ([\d.]+)",
            "ggt_speaker": r"speaker ([\d.]+)",
            "ggt_people_quoted_f1": r"people quoted P [\d.]+ R [\d.]+ F1 ([\d.]+)",
            "ggt_people_named_f1": r"people named P [\d.]+ R [\d.]+ F1 ([\d.]+)",
        }
        for name, rx in figures.items():
            m = re.search(rx, line)
            if m is None:
                raise SystemExit(f"gate: cannot read {name} from the ggt-dev scorer's line: {line}")
            check(name, float(m.group(1)))
    else:
        print("gate: no ggt-dev data; speaker floors not checked")

    seed_dir = args.shared / "seeds"
    if (tools / "check_seed.py").exists() and seed_dir.exists():
        for seed in sorted(seed_dir.glob("*.txt")):
            for mode in ("extract", "analyse"):
                rec = out / f"seed_{mode}.json"
                r = subprocess.run([py, "-m", "mediakit", mode, str(seed), "--format", "json", "-o", str(rec)],
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    print(f"seed {mode}: mediakit failed: {r.stderr.strip()[-500:]}")
                    misses.append(f"seed_{mode}")
                    continue
                chk = subprocess.run([py, str(tools / "check_seed.py"), mode, str(rec)], capture_output=True, text=True)
                print(f"seed {mode}: {chk.stdout.strip()}")
                if chk.returncode != 0 and floors.get(f"seed_{mode}_required", True):
                    misses.append(f"seed_{mode}")
    print("gate:", "FAILED: " + ", ".join(misses) if misses else "all floors met")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
