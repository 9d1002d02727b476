"""One run at a time per output folder, and what a dead run left behind cleaned up.

A run takes ``.NAME.lock`` beside its output folder ``NAME`` before any work (created with
``O_EXCL``, holding the run's process id) and drops it when it ends. A second run into the
same folder is refused at once, naming the first. A lock, a ``.NAME.partial-PID`` staging
folder or a ``.NAME.old-PID`` folder whose process is gone was left by a killed run: the next
run removes it and says so; an ``old`` folder with no output beside it is the previous output,
caught between the two renames of a publish, and is put back.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from types import TracebackType


class OutputFolderError(ValueError):
    """The output folder cannot be used (exists with other content, not a folder...)."""


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _pid_of(path: Path) -> int | None:
    tail = path.name.rpartition("-")[2]
    return int(tail) if tail.isdigit() else None


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def clean_leftovers(out: Path) -> list[str]:
    """Remove (or restore) what killed runs of ``out`` left; the messages said."""
    said = []
    for leftover in sorted(out.parent.glob(f".{out.name}.partial-*")):
        pid = _pid_of(leftover)
        if pid is not None and not _alive(pid):
            shutil.rmtree(leftover, ignore_errors=True)
            said.append(f"removed {leftover}, left by a run that did not finish (pid {pid})")
    for leftover in sorted(out.parent.glob(f".{out.name}.old-*")):
        pid = _pid_of(leftover)
        if pid is None or _alive(pid):
            continue
        if out.exists():
            shutil.rmtree(leftover, ignore_errors=True)
            said.append(f"removed {leftover}, the output a finished run replaced (pid {pid})")
        else:
            leftover.rename(out)
            said.append(f"restored {out} from {leftover}: a run was killed while publishing")
    for message in said:
        _warn(message)
    return said


class OutputLock:
    """``with OutputLock(out):`` — the run that holds it is the only one writing ``out``."""

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        self.path = self.out.parent / f".{self.out.name}.lock"
        self._held = False

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def acquire(self) -> OutputLock:
        """Take the lock (and clear what killed runs left); :class:`OutputFolderError` if not."""
        parent = self.out.parent
        if parent.exists() and not parent.is_dir():
            raise OutputFolderError(f"cannot write {self.out}: {parent} is not a folder")
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self._take()
        except OSError as exc:
            raise OutputFolderError(
                f"cannot write {self.out}: {exc.strerror or exc} ({exc.filename or parent})"
            ) from exc
        clean_leftovers(self.out)
        return self

    def _take(self) -> None:
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                text = self.path.read_text(encoding="utf-8", errors="replace").strip()
                pid = int(text) if text.isdigit() else None
                if pid is not None and _alive(pid) and pid != os.getpid():
                    raise OutputFolderError(
                        f"{self.out} is being written by another run (pid {pid}); wait for it "
                        f"to end or choose another --out"
                    ) from None
                self.path.unlink(missing_ok=True)
                _warn(f"removed {self.path}, left by a run that did not finish (pid {pid})")
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")
            self._held = True
            return

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def release(self) -> None:
        """Drop the lock; nothing happens when it is not held."""
        if self._held:
            self.path.unlink(missing_ok=True)
            self._held = False
