"""The Budget workspace: allocations, adjustments, expenses, balances and monthly spending."""
