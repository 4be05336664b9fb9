"""Run every benchmark module (bench/bench_*.py), print a table, update bench/results.json.

python -m bench                 # all
python -m bench search calendar # only bench_search.py and bench_calendar.py
"""

from __future__ import annotations

import importlib
import sys
import traceback

from bench.common import BENCH_DIR, Measurement, print_table, write_results


def main(selected: list[str]) -> int:
    names = sorted(p.stem for p in BENCH_DIR.glob("bench_*.py"))
    if selected:
        names = [n for n in names if n.removeprefix("bench_") in selected]
    measurements: list[Measurement] = []
    failed = False
    for name in names:
        print(f"== {name}", flush=True)
        try:
            results = importlib.import_module(f"bench.{name}").run()
        except Exception:
            traceback.print_exc()
            failed = True
            continue
        print_table(results)
        write_results(results)
        measurements.extend(results)
    print("\n== summary")
    print_table(measurements)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
