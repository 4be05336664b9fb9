"""``commdesk demo``: fill the database with generated demo data."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = subparsers.add_parser("demo", help="fill the database with generated Vietnamese demo data")
    demo.add_argument(
        "--scale",
        choices=["small", "large"],
        default="small",
        help="small: a few thousand rows; large: the benchmark set (50k activities, 100k coverage items)",
    )
    demo.add_argument("--seed", type=int, default=7, help="the same seed always makes the same data")
    demo.add_argument(
        "--if-empty", action="store_true", help="do nothing when the database already holds records"
    )
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace, folder: Path) -> int:
    from app.services import open_services
    from app.services.demo import generate, has_data

    services = open_services(folder, actor="demo")
    try:
        if args.if_empty and has_data(services):
            print(f"{services.db.path} already holds data; nothing generated.")
            return 0
        start = time.perf_counter()
        shown = [-1]

        def progress(step: str, fraction: float) -> None:
            percent = int(fraction * 100)
            if percent != shown[0] and sys.stderr.isatty():
                shown[0] = percent
                print(f"\r{step:<20} {percent:3d}%", end="", file=sys.stderr, flush=True)

        counts = generate(services, scale=args.scale, seed=args.seed, progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    finally:
        services.close()
    total = sum(counts.values())
    print(f"{total} rows generated in {time.perf_counter() - start:.1f} s into {folder}")
    for table, count in counts.items():
        print(f"  {table:<26} {count:>8}")
    return 0
