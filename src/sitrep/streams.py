"""Streaming helpers shared by the stages."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items: streams any iterable in bounded memory."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def chunked_by_size(items: Iterable[T], size: Callable[[T], int], max_size: int, max_items: int) -> Iterator[list[T]]:
    """Consecutive lists that close once their items' sizes reach `max_size`, or at `max_items` items.

    Every list holds at least one item (an item larger than `max_size` travels alone); streams in bounded memory.
    """
    chunk: list[T] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += size(item)
        if total >= max_size or len(chunk) >= max_items:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk
