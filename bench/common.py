"""What every benchmark shares: the cached large data set, timing, and the results table."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
# COMMDESK_BENCH_CACHE lets several checkouts share one copy of the large data set.
CACHE = Path(os.environ.get("COMMDESK_BENCH_CACHE") or BENCH_DIR / ".cache")
RESULTS = BENCH_DIR / "results.json"


@dataclass
class Measurement:
    """One figure: ``value`` in ``unit``, its target, and whether it met it."""

    name: str
    value: float
    unit: str
    target: float | None = None
    higher_is_better: bool = False
    details: dict[str, float | str] = field(default_factory=dict)

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target


def timings_ms(operation: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        operation()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        operation()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(pct) - 1]


def large_dataset(seed: int = 7) -> Path:
    """The data folder of the "province, ten years" set (DESIGN.md §5), built once and cached."""
    from app.services.demo import DATA_VERSION

    folder = CACHE / f"large-{seed}-v{DATA_VERSION}"
    marker = folder / "complete"
    if not marker.exists():
        from app.services import open_services
        from app.services.demo import generate

        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        services = open_services(folder, actor="bench")
        start = time.perf_counter()
        generate(services, scale="large", seed=seed)
        services.close()
        marker.write_text(f"built in {time.perf_counter() - start:.1f} s\n")
    return folder


def working_copy(source: Path, name: str) -> Path:
    """A throw-away copy of a data folder, so a benchmark that writes leaves the cache intact."""
    target = CACHE / "work" / name
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for item in source.iterdir():
        if item.is_file() and item.suffix.startswith(".sqlite3"):
            shutil.copy2(item, target / item.name)
    return target


def write_results(measurements: list[Measurement]) -> None:
    existing = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for m in measurements:
        existing[m.name] = {**asdict(m), "passed": m.passed, "measured_at": time.strftime("%Y-%m-%d %H:%M")}
    RESULTS.write_text(json.dumps(existing, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def print_table(measurements: list[Measurement]) -> None:
    print(f"{'benchmark':<58} {'value':>12} {'unit':<8} {'target':>10}  result")
    for m in measurements:
        target = "" if m.target is None else f"{m.target:g}"
        verdict = {True: "ok", False: "MISSED", None: ""}[m.passed]
        print(f"{m.name:<58} {m.value:>12.2f} {m.unit:<8} {target:>10}  {verdict}")
