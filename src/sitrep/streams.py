"""Streaming helpers shared by the stages."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items: streams any iterable in bounded memory."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
