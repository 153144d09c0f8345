"""The desk's log file: rotated at a size into .1 … .N like logging.handlers.RotatingFileHandler,
and each file, also after rotation, its user's only (0600).

Not RotatingFileHandler itself: importing logging.handlers loads socket, pickle and queue for
handlers the desk never uses, about 8 ms of every cold command (a third of what the bare SQL
behind `duban status` takes in all; issue 11). The rollover below is the standard library's
(Python 3.11) under its names, without the namer and rotator hooks nobody here sets."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from db.private import tighten


class PrivateRotatingLog(logging.FileHandler):
    def __init__(self, path: Path, max_bytes: int, backups: int, encoding: str = "utf-8") -> None:
        super().__init__(path, mode="a", encoding=encoding)
        self.max_bytes, self.backups = max_bytes, backups

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        tighten(Path(self.baseFilename))
        return stream

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.shouldRollover(record):
                self.doRollover()
            super().emit(record)
        except Exception:  # noqa: BLE001 - logging's own rule: a failed write never raises
            self.handleError(record)

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False  # never a device or a pipe (bpo-45401)
        if self.stream is None:
            self.stream = self._open()
        if self.max_bytes > 0:
            message = f"{self.format(record)}\n"
            self.stream.seek(0, 2)
            return self.stream.tell() + len(message) >= self.max_bytes
        return False

    def doRollover(self) -> None:
        """duban.log → duban.log.1 → … → duban.log.N (the oldest dropped), then a new file."""
        if self.stream:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        if self.backups > 0:
            for i in range(self.backups - 1, 0, -1):
                older, newer = f"{self.baseFilename}.{i}", f"{self.baseFilename}.{i + 1}"
                if os.path.exists(older):
                    if os.path.exists(newer):
                        os.remove(newer)
                    os.rename(older, newer)
            first = f"{self.baseFilename}.1"
            if os.path.exists(first):
                os.remove(first)
            if os.path.exists(self.baseFilename):
                os.rename(self.baseFilename, first)
        self.stream = self._open()
