"""Cycles made on worker threads are collected on the GUI thread, never on the worker."""

import gc
import threading
import weakref

from app.ui.garbage import CHECK_INTERVAL_MS, GuiThreadCollector, collect_due_generations


class Cycle:
    collected_on: list[int] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.collected_on.append(threading.get_ident())


def _make_garbage(count: int, keep: list) -> None:
    for _ in range(count):
        cycle = Cycle()
        keep.append(weakref.ref(cycle))
        del cycle


def test_the_collector_runs_on_the_gui_thread_only(qtbot) -> None:
    Cycle.collected_on.clear()
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()
        refs: list = []
        worker = threading.Thread(target=_make_garbage, args=(gc.get_threshold()[0] * 3, refs))
        worker.start()
        worker.join()
        assert Cycle.collected_on == []  # the worker allocated past the threshold without collecting
        qtbot.waitUntil(lambda: all(ref() is None for ref in refs), timeout=CHECK_INTERVAL_MS * 10)
        assert set(Cycle.collected_on) == {threading.get_ident()}
    finally:
        collector.stop()
    assert not gc.isenabled()  # the state it found (the test suite runs with the collector off)


def test_nothing_is_collected_below_the_thresholds() -> None:
    gc.collect()
    refs: list = []
    _make_garbage(3, refs)
    collect_due_generations()
    assert all(ref() is not None for ref in refs)
    gc.collect()
    assert all(ref() is None for ref in refs)
