"""Renderers: terminal (Rich), JSON and text; they write to the stream given, never read files."""
