"""Opening inputs as byte streams: files, folders (walked in a fixed order), stdin, gzip.

Every input becomes a `RawInput`: the source name used in problems, the file name that format
detection reads the extension from, the first bytes for sniffing, and a stream positioned at the
start. Nothing here reads a whole input into memory; `read_capped` reads up to a limit.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

HEAD_BYTES = 64 * 1024  # enough to sniff any format and find a CSV header
GZIP_MAGIC = b"\x1f\x8b"
STDIN_NAME = "<stdin>"


class _PrefixedStream(io.RawIOBase):
    """Bytes already read (the sniffed head) followed by the rest of the underlying stream."""

    def __init__(self, head: bytes, rest: BinaryIO, *, close_rest: bool = True) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._close_rest = close_rest  # stdin stays open for whoever else reads it

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if self._close_rest:
            self._rest.close()
        super().close()


@dataclass
class RawInput:
    source: str  # how problems name it: the path as given, or <stdin>
    name: str  # file name whose extension hints the format ("" for stdin); ".gz" dropped once unpacked
    head: bytes  # the first HEAD_BYTES of the (unpacked) content
    stream: BinaryIO  # the whole content from its first byte, head included

    @classmethod
    def wrap(cls, source: str, name: str, stream: BinaryIO, *, close: bool = True) -> RawInput:
        head = stream.read(HEAD_BYTES)
        prefixed = _PrefixedStream(head, stream, close_rest=close)
        return cls(source, name, head, io.BufferedReader(prefixed, buffer_size=HEAD_BYTES))

    def close(self) -> None:
        self.stream.close()


def open_file(path: Path) -> RawInput:
    """Open a file for reading; raises OSError (missing, permission denied, a directory, not a regular file)."""
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return RawInput.wrap(str(path), path.name, open(path, "rb"))


def open_stdin() -> RawInput:
    if sys.stdin is None or not hasattr(sys.stdin, "buffer"):
        raise OSError(errno.EBADF, "no standard input")
    return RawInput.wrap(STDIN_NAME, "", sys.stdin.buffer, close=False)


def unpack_gzip(raw: RawInput) -> RawInput:
    """Transparently decompress gzip content (by its magic bytes, whatever the file is called).

    The caller closes the packed input too: closing the unpacked one leaves it open.
    """
    if not raw.head.startswith(GZIP_MAGIC):
        return raw
    name = raw.name[:-3] if raw.name.lower().endswith(".gz") else ""  # "x.jsonl.gz" -> "x.jsonl"; else sniff
    return RawInput.wrap(raw.source, name, gzip.GzipFile(fileobj=raw.stream, mode="rb"))  # type: ignore[arg-type]


def read_capped(stream: BinaryIO, limit: int) -> bytes | None:
    """The rest of the stream, or None when it is longer than `limit` bytes (read no further than that)."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def iter_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of a stream; a line longer than `limit` bytes is skipped unread and given as None."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while chunk := stream.readline(1 << 20):
                if chunk.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


def walk_files(root: Path) -> Iterator[Path | tuple[Path, OSError]]:
    """Files under a folder, recursively, in name order (files of a folder before its subfolders).

    Hidden files and folders (".name") are skipped, and symbolic links to folders are not followed
    (no loops). Only regular files are given, plus broken links so that they are reported; a folder
    that cannot be listed is given as (folder, error).
    """
    try:
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield root, exc
        return
    subfolders: list[Path] = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(Path(entry.path))
            elif entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path)):
                yield Path(entry.path)
        except OSError:
            yield Path(entry.path)
    for folder in subfolders:
        yield from walk_files(folder)


def describe_os_error(exc: OSError) -> str:
    """A short reason for an OS error, without the path (the problem names the source already)."""
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    reason = exc.strerror or str(exc)
    return f"cannot read: {reason}"
