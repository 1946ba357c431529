"""Whole-log tools: ``pdsa fmt``, ``pdsa schema`` and ``pdsa migrate``.

Each tool walks the log's record files (:mod:`pdsa.tools.walk`), decides per file
what to do, and returns one result per file; the CLI only reports them. Every
rewrite goes through :func:`pdsa.store.files.replace_atomic` with the bytes that
were read, and is checked first to keep every value exactly as it was.
"""
