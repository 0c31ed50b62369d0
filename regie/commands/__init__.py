"""The subcommands of ``python -m regie``; each module has NAME, register(commands) and run(args)."""
