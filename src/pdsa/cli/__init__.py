"""The Typer command line: parse, call the core, hand the result to a renderer."""
