"""Subcommands of the `review` CLI, one module per command, each a thin adapter over the core."""
