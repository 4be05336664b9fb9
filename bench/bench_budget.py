"""The Budget workspace on the large data set: time from asking for a fiscal year (or every
year, about 20k expenses) until the header, the allocation balances and the first screen of
the expense list are shown. Target (issue 7): <= 100 ms.

Reference ("physical limit"): the same ids and sums read with plain sqlite3 queries.
"""

from __future__ import annotations

import os
import sqlite3
import time

from bench.common import Measurement, large_dataset, percentile, timings_ms, working_copy

TARGET_MS = 100.0
REPEAT = 15


def run() -> list[Measurement]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.services import open_services
    from app.ui.app import build_context
    from app.ui.budget.page import BudgetPage

    app = QApplication.instance() or QApplication([])
    folder = working_copy(large_dataset(), "budget")
    services = open_services(folder, actor="bench")
    expenses = services.expenses.count()
    years = services.allocations.fiscal_years()
    ctx = build_context(services)
    page = BudgetPage(ctx)
    page.resize(1300, 800)
    page.show()

    def wait_until_shown() -> None:
        # Ready: no work pending and every row of the first screen fetched.
        while True:
            ctx.tasks.wait_for_done()
            app.processEvents()
            model = page.expenses.model
            first_screen = min(30, model.rowCount())
            if ctx.tasks.pending() == 0 and model.is_fully_shown(0, first_screen - 1):
                return

    def show(year: int | None) -> None:
        page.set_year(year)
        page.expenses.model.data(page.expenses.model.index(0, 0))  # the view asks for its first rows
        page.reload_summary()
        wait_until_shown()

    page.tabs.setCurrentWidget(page.expenses)
    wait_until_shown()
    all_years = timings_ms(lambda: show(None), REPEAT, warmup=2)
    shown_all = page.expenses.model.rowCount()
    latest = years[0] if years else 2026
    one_year = timings_ms(lambda: show(latest), REPEAT, warmup=1)
    shown_year = page.expenses.model.rowCount()
    ctx.tasks.wait_for_done()
    services.db.forbid_thread(None)
    services.close()

    connection = sqlite3.connect(folder / "commdesk.sqlite3")

    def raw() -> None:
        connection.execute(
            "SELECT id FROM expense WHERE deleted_at IS NULL ORDER BY spent_on DESC, id"
        ).fetchall()
        connection.execute(
            "SELECT allocation_id, sum(amount), count(*) FROM expense WHERE deleted_at IS NULL GROUP BY 1"
        ).fetchall()
        connection.execute(
            "SELECT allocation_id, sum(amount) FROM budget_adjustment WHERE deleted_at IS NULL GROUP BY 1"
        ).fetchall()

    raw_ms = percentile(timings_ms(raw, REPEAT), 50)
    connection.close()
    page.deleteLater()
    app.processEvents()
    time.sleep(0)

    median_all, median_year = percentile(all_years, 50), percentile(one_year, 50)
    return [
        Measurement(
            "budget: view ready, all years (median)",
            median_all,
            "ms",
            TARGET_MS,
            details={
                "expenses": expenses,
                "rows listed": shown_all,
                "p95 ms": round(percentile(all_years, 95), 1),
                "raw sqlite ms": round(raw_ms, 1),
                "ratio to raw": round(median_all / raw_ms, 1) if raw_ms else "",
            },
        ),
        Measurement(
            f"budget: view ready, fiscal year {latest} (median)",
            median_year,
            "ms",
            TARGET_MS,
            details={"rows listed": shown_year, "p95 ms": round(percentile(one_year, 95), 1)},
        ),
    ]
