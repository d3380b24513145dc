"""Ingest stage: files, folders, stdin, HTML, feeds and archives in; `Article` records out.

The public entry is `read_inputs`; everything it cannot read becomes an `IngestProblem`
that names the file and the reason, and the batch goes on.
"""

from sitrep.ingest.reader import read_inputs

__all__ = ["read_inputs"]
