"""What the explorer computes from a store: catalog, filters, layout, explorer state, time ticks. No Qt."""
