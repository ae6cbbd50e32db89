"""Content hashes of files: the model in provenance tags, finished parts of a chunked run."""
from __future__ import annotations

import hashlib


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
