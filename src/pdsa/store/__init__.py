"""The only code that touches the disk: find the log, read, write, resolve names."""
