"""Input files cut into Spark jobs, read and cleaned on the executors, put back in order.

The driver lists the inputs (:func:`~newsfuse.ingest.expand`) and plans jobs of about the
same size: small files are grouped, a large one is cut into parts, part ``p`` of ``k`` keeping
records ``p, p + k, p + 2k ...`` of the file. An executor reads its files with newsfuse's own
readers and prepares each record (decode, clean, describe:
:func:`~newsfuse.pipeline.prepare`); the driver gets the records of each file back in file
order, then record order: the order plain ingest stores them in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from newsfuse.ingest import Limits, PassedOver, Source, read_source
from newsfuse.models import Hints, RawDocument, Rejected
from newsfuse.pipeline import Cleaned, prepare
from newsfuse.settings import Settings

__all__ = ["Piece", "ReadSpec", "Ready", "in_file_order", "plan", "read_job"]

#: What reading a record gives the driver: prepared on the executor, or refused by the reader.
Ready = Cleaned | Rejected | PassedOver

#: The smallest job, in bytes of input: below it, starting a task costs more than it saves.
MIN_JOB_BYTES = 64 * 1024


@dataclass(frozen=True)
class ReadSpec:
    """How every input of a run is read and cleaned (the same on every executor)."""

    hints: Hints
    settings: Settings
    limits: Limits


@dataclass(frozen=True)
class Piece:
    """Part ``part`` of ``parts`` of one input file (0 of 1: the whole file)."""

    source: Source
    part: int = 0
    parts: int = 1


def plan(sources: list[Source], cores: int, max_job_bytes: int) -> list[tuple[Piece, ...]]:
    """Jobs of about equal size over ``sources``, in order: a few per core, each at most
    ``max_job_bytes`` of input (a larger file is cut into parts of that size or less)."""
    sizes = [source.size() or 0 for source in sources]
    target = min(max_job_bytes, max(MIN_JOB_BYTES, sum(sizes) // (4 * max(1, cores)) + 1))
    jobs: list[tuple[Piece, ...]] = []
    group: list[Piece] = []
    held = 0
    for source, size in zip(sources, sizes, strict=True):
        if group and held + size > target:
            jobs.append(tuple(group))
            group, held = [], 0
        parts = -(-size // target)
        if parts > 1:
            jobs.extend((Piece(source, p, parts),) for p in range(parts))
        else:
            group.append(Piece(source))
            held += size
    if group:
        jobs.append(tuple(group))
    return jobs


def read_job(job: tuple[ReadSpec, tuple[Piece, ...]]) -> list[list[Ready]]:
    """On an executor: each piece's records, read and prepared (one list per piece)."""
    reading, pieces = job
    return [_read_piece(reading, piece) for piece in pieces]


def _read_piece(reading: ReadSpec, piece: Piece) -> list[Ready]:
    settings = reading.settings
    records = read_source(piece.source, reading.hints, settings.max_bytes, reading.limits)
    # Every part reads the whole file (reading is cheap beside cleaning) and keeps its share.
    mine = islice(records, piece.part, None, piece.parts)
    return [prepare(item, settings) if isinstance(item, RawDocument) else item for item in mine]


def in_file_order(
    jobs: list[tuple[Piece, ...]], results: Iterable[list[list[Ready]]]
) -> Iterator[list[Ready]]:
    """Each file's records in record order, file after file, from the results of ``jobs``."""
    parts: list[list[Ready]] = []
    for pieces, result in zip(jobs, results, strict=True):
        for piece, records in zip(pieces, result, strict=True):
            parts.append(records)
            if len(parts) == piece.parts:
                yield _interleave(parts)
                parts = []


def _interleave(parts: list[list[Ready]]) -> list[Ready]:
    """Record ``i`` of a file is record ``i // k`` of part ``i % k``."""
    k = len(parts)
    return [parts[i % k][i // k] for i in range(sum(map(len, parts)))]
