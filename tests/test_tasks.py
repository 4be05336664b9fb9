import threading

import pytest
from PySide6.QtCore import QCoreApplication

from app.ui.app import build_context
from app.ui.tasks import TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    gui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def operation() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    results: list[int] = []

    def on_success(value: int) -> None:
        seen["callback"] = threading.get_ident()
        results.append(value)

    runner.run_db(operation, on_success)
    qtbot.waitUntil(lambda: results == [42])
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread


def test_failure_arrives_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def operation() -> None:
        raise ValueError("boom")

    runner.run_db(operation, lambda _v: pytest.fail("should fail"), errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ValueError)


def test_errors_without_a_handler_are_announced(qtbot) -> None:
    runner = TaskRunner()
    with qtbot.waitSignal(runner.unhandled_error) as blocker:
        runner.run_io(lambda: 1 / 0)
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_database_work_is_serialised(qtbot) -> None:
    runner = TaskRunner()
    active = 0
    overlap = False
    lock = threading.Lock()
    done: list[int] = []

    def operation(n: int) -> int:
        nonlocal active, overlap
        with lock:
            active += 1
            overlap = overlap or active > 1
        threading.Event().wait(0.01)
        with lock:
            active -= 1
        return n

    for n in range(8):
        runner.run_db(lambda n=n: operation(n), done.append)
    qtbot.waitUntil(lambda: len(done) == 8)
    assert done == list(range(8)), "one worker runs operations in submission order"
    assert not overlap


def test_no_database_access_from_the_gui_thread(qtbot, services) -> None:
    ctx = build_context(services)
    with pytest.raises(RuntimeError, match="GUI thread"):
        services.journalists.count()
    counts: list[int] = []
    ctx.tasks.run_db(services.journalists.count, counts.append)
    qtbot.waitUntil(lambda: counts == [0])
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)


def test_result_for_a_deleted_widget_is_dropped(qtbot) -> None:
    from PySide6.QtWidgets import QWidget
    from shiboken6 import delete

    class Page(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.label_text = ""

        def show_result(self, value: str) -> None:
            self.setWindowTitle(value)  # would raise on a deleted widget

        def show_failure(self, error: BaseException) -> None:
            self.setWindowTitle(str(error))

    runner = TaskRunner()
    unhandled: list[BaseException] = []
    runner.unhandled_error.connect(unhandled.append)
    release = threading.Event()
    page = Page()
    runner.run_db(lambda: release.wait(10) and "xong", page.show_result, page.show_failure)

    def boom() -> None:
        release.wait(10)
        raise ValueError("hỏng")

    runner.run_db(boom, page.show_result, page.show_failure)
    delete(page)  # the page is closed while its work runs
    release.set()
    qtbot.waitUntil(lambda: runner.pending() == 0)
    assert unhandled == []


def test_results_arrive_even_when_nobody_holds_the_runner(qtbot) -> None:
    import gc

    results: list[int] = []
    release = threading.Event()

    def operation() -> int:
        release.wait(5)
        return 7

    TaskRunner().run_db(operation, results.append)
    gc.collect()
    release.set()
    qtbot.waitUntil(lambda: results == [7])
    qtbot.waitUntil(lambda: not TaskRunner._in_flight)


def test_closing_drops_late_work_and_its_results(qtbot, capfd) -> None:
    from shiboken6 import delete

    runner = TaskRunner()
    release = threading.Event()
    started = threading.Event()
    results: list[str] = []

    def slow() -> str:
        started.set()
        release.wait(10)
        return "late"

    runner.run_db(slow, results.append)
    runner.run_db(lambda: "queued", results.append)  # waits behind ``slow``: never started
    assert started.wait(10)
    threading.Thread(target=release.set).start()  # lets ``close`` finish waiting
    runner.close()
    assert runner.is_closed() and runner.pending() == 0
    runner.run_io(lambda: "after", results.append)  # asked for by a last result: not started
    assert runner.pending() == 0
    delete(runner)
    QCoreApplication.processEvents()
    assert results == []
    err = capfd.readouterr().err
    assert "Signal source has been deleted" not in err
    assert "Traceback" not in err
