"""The Staff workspace: people, spokespersons, units and focal points, training, workload."""
