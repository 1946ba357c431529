"""Findings about a log: a rule code, severity, file, line, column and message."""
