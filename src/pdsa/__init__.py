"""pdsa: a command-line logbook for quality-improvement programmes."""

__version__ = "0.1.0"
