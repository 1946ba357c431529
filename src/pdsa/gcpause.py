"""Pausing the cyclic garbage collector while a whole log is read.

Reading 10,000 records builds hundreds of thousands of small objects that hold no
cycles; the collector would rescan them again and again, while they are built and then
while every later allocation triggers a collection (a third of `pdsa report`'s time on
such a log). So the collector is off during the block, and what the block built is then
frozen (:func:`gc.freeze`): left out of later collections. Reference counting still frees
everything as usual; the collector runs again as soon as the block ends.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

Params = ParamSpec("Params")
Result = TypeVar("Result")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with automatic cyclic collection off (nesting is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def gc_paused(function: Callable[Params, Result]) -> Callable[Params, Result]:
    """``function`` run inside :func:`paused_gc`."""

    @functools.wraps(function)
    def paused(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        with paused_gc():
            return function(*args, **kwargs)

    return paused
