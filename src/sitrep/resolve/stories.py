"""Near-duplicate articles: syndicated copies and lightly edited rewrites grouped into one story.

MinHash signatures over word shingles (datasketch) with an LSH index find candidates in
sub-linear time; a candidate joins a story only when its estimated Jaccard similarity
passes the threshold. Signatures are plain bytes so the store can keep them and rebuild
the index on the next run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
# Wire copies share ~0.9 of their 3-word shingles; a rewrite with a new lead and a few edited
# sentences keeps ~0.5-0.7; two different reports of the same event share well under 0.3.
DEFAULT_THRESHOLD = 0.5
# datasketch's hashing scheme: stored signatures are only comparable within one scheme.
SCHEME = "affine32"

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64).copy())


@dataclass
class StoryMatch:
    story_id: str
    article_id: str  # the closest earlier article
    similarity: float  # estimated Jaccard of the shingle sets


class StoryIndex:
    """Assigns each article to a story: its own, or that of an earlier near-duplicate."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._story_of: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._signatures

    def add(self, article_id: str, minhash: MinHash, story_id: str) -> None:
        """Index an article already assigned to a story (used to reload stored signatures)."""
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = minhash
        self._story_of[article_id] = story_id

    def find(self, minhash: MinHash) -> StoryMatch | None:
        """The most similar indexed article above the threshold, if any."""
        best: StoryMatch | None = None
        for candidate in self._lsh.query(minhash):
            similarity = minhash.jaccard(self._signatures[candidate])
            if similarity < self.threshold:
                continue
            # Ties go to the lower id so the grouping does not depend on set iteration order.
            if best is None or (similarity, best.article_id) > (best.similarity, candidate):
                best = StoryMatch(self._story_of[candidate], candidate, similarity)
        return best

    def assign(self, article_id: str, text: str) -> tuple[str, MinHash, StoryMatch | None]:
        """Story of a new article: the story of its closest near-duplicate, else a new one named after it."""
        if article_id in self._signatures:
            return self._story_of[article_id], self._signatures[article_id], None
        minhash = signature(text)
        match = self.find(minhash)
        story_id = match.story_id if match else article_id
        self.add(article_id, minhash, story_id)
        return story_id, minhash, match
