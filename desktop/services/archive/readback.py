"""The export's read-back, run while the package is still being written: each batch of files,
once durable and dropped from the page cache, is read from the medium and hashed in two worker
threads while the next batch is written (reads and SHA-256 release the GIL). verify then takes
these passes as its own reading of those files and decides every check as before."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType

from desktop.services.archive import verify
from desktop.services.archive.reader import FolderReader

# Two readers: the last batches are read back while nothing else runs, and a medium serves two
# reads at once faster than one after the other (issue 11).
WORKERS = 2


class ReadBack:
    """``with ReadBack(prefixes) as back``: ``back.start(folder)`` once the folder exists, then
    ``back.read(paths)`` for each batch made durable; ``back.ahead`` goes to verify_package.
    Leaving the block (an error, a cancel) waits for the files being read and drops the rest,
    so the unfinished folder can be removed with nothing reading it."""

    def __init__(self, prefixes: dict[str, int], lean: dict[str, str] | None = None) -> None:
        self.prefixes = prefixes  # path → size of the original it embeds (verify.embedded_sizes)
        # path → the SHA-256 it was written with, for files whose facts are known by it: read
        # back without keeping their bytes (verify.stream)
        self.lean = lean or {}
        self.ahead: dict[str, tuple[int | None, Future[verify.Pass]]] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._readers = threading.local()  # each worker its own FolderReader (its counts)
        self._root = Path()

    def start(self, root: Path) -> None:
        self._root = root
        self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="archive-readback")

    def read(self, paths: list[Path]) -> None:
        assert self._pool is not None
        for path in paths:
            name = path.relative_to(self._root).as_posix()
            prefix = self.prefixes.get(name)
            expected = self.lean.get(name)
            self.ahead[name] = (prefix, self._pool.submit(self._stream, name, prefix, expected))

    def _stream(self, name: str, prefix: int | None, expected: str | None) -> verify.Pass:
        reader = getattr(self._readers, "reader", None)
        if reader is None:
            reader = self._readers.reader = FolderReader(self._root)
        return verify.stream(reader, name, prefix, expected)

    def __enter__(self) -> ReadBack:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
