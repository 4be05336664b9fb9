"""Services for budget allocations, adjustments and expenses (whole VND)."""

from __future__ import annotations

from app.models import BudgetAdjustment, BudgetAllocation, Expense
from app.models import enums as e
from app.services.entity import EntityService
from app.services.fields import DATE, ENUM, INT, MONEY, REF, SIGNED_MONEY, TEXT, Field


class AllocationService(EntityService):
    model = BudgetAllocation
    fields = {
        "fiscal_year": Field(INT, required=True, minimum=2000, maximum=2100),
        "funding_source": Field(ENUM, enum=e.FundingSource, required=True),
        "task_category": Field(ENUM, enum=e.TaskCategory, required=True),
        "decision_number": Field(TEXT),
        "decision_date": Field(DATE),
        "amount": Field(MONEY, required=True),
        "budget_code": Field(TEXT),
        "notes": Field(TEXT, max_len=4000),
    }
    default_order = "fiscal_year"


class AdjustmentService(EntityService):
    model = BudgetAdjustment
    fields = {
        "allocation_id": Field(REF, ref="budget_allocation", required=True),
        "amount": Field(SIGNED_MONEY, required=True),
        "decision_number": Field(TEXT),
        "decision_date": Field(DATE),
        "reason": Field(TEXT, max_len=4000),
    }
    default_order = "decision_date"


class ExpenseService(EntityService):
    model = Expense
    fields = {
        "spent_on": Field(DATE, required=True),
        "amount": Field(MONEY, required=True),
        "allocation_id": Field(REF, ref="budget_allocation"),
        "activity_id": Field(REF, ref="activity"),
        "description": Field(TEXT, max_len=4000),
        "voucher_number": Field(TEXT),
        "payee": Field(TEXT),
        "overspend_reason": Field(TEXT, max_len=4000),
    }
    default_order = "spent_on"
