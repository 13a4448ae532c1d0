"""Front ends that drive the core: each adapter translates its tool's events into core calls."""
