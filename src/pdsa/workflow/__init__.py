"""The core: what each command does, on models and the store, without Typer or Rich."""
