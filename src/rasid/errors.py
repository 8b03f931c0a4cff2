"""Rasid's exception tree.

    RasidError
    ├── InputError        bytes we cannot read: binary, undecodable, empty, too large, bad JSON
    ├── ResourceError     a data file in rasid/data (or a user alias file) is missing or malformed
    └── StageError        a pipeline stage failed on one document (names the stage and the doc)

The batch runner catches ``RasidError`` per document, logs the reason and writes a reject row.
"""
from __future__ import annotations


class RasidError(Exception):
    """Base of every error Rasid raises on purpose."""


class InputError(RasidError):
    """The input cannot be read as an article; the message says why and what to do."""


class ResourceError(RasidError):
    """A knowledge-base or rules file is missing or malformed."""


class StageError(RasidError):
    """A stage failed on one document; the batch goes on without it."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed on document {doc_id!r}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause
