"""Temporary output names and the final move into place: nothing carries a final name until
the whole run succeeded, and a cancelled or failed run leaves nothing behind."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.options import EngineError

SIDE_SUFFIXES = (".aux.xml", "-wal", "-shm", "-journal")


class OutputFiles:
    def __init__(self) -> None:
        self.token = uuid.uuid4().hex[:8]
        self.pairs: list[tuple[str, str]] = []  # (temporary, final), moved in this order
        self.scratch: list[str] = []

    def temp_for(self, final: str) -> str:
        """A hidden temporary beside ``final`` (same file system, so the move is atomic)."""
        p = Path(final)
        tmp = str(p.with_name(f".{p.stem}.partial-{self.token}{p.suffix}"))
        self.pairs.append((tmp, str(p)))
        return tmp

    def scratch_for(self, final: str, tag: str, suffix: str) -> str:
        """A working file deleted at the end whatever happens."""
        p = Path(final)
        tmp = str(p.with_name(f".{p.stem}.{tag}-{self.token}{suffix}"))
        self.scratch.append(tmp)
        return tmp

    @staticmethod
    def _remove(path: str) -> None:
        for candidate in (path, *(path + s for s in SIDE_SUFFIXES)):
            try:
                os.remove(candidate)
            except FileNotFoundError:
                pass
            except OSError:
                pass  # best effort: a locked temporary must not hide the run's real error

    def clean_scratch(self) -> None:
        for path in self.scratch:
            self._remove(path)
        self.scratch.clear()

    def discard(self) -> None:
        self.clean_scratch()
        for tmp, _final in self.pairs:
            self._remove(tmp)
        self.pairs.clear()

    def commit(self) -> None:
        """Move every temporary to its final name (GDAL's .aux.xml sidecars along with them)."""
        self.clean_scratch()
        try:
            for tmp, final in self.pairs:
                aux_tmp, aux_final = tmp + ".aux.xml", final + ".aux.xml"
                if os.path.exists(aux_tmp):
                    os.replace(aux_tmp, aux_final)
                elif os.path.exists(aux_final):
                    os.remove(aux_final)  # a stale sidecar from an earlier run would mislabel the new file
                for side in ("-wal", "-shm"):
                    if os.path.exists(tmp + side):
                        os.remove(tmp + side)
                os.replace(tmp, final)
        except OSError as err:
            self.discard()
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "cannot move the outputs into place ({err}); check the output folder").format(
                err=err)) from err
        self.pairs.clear()
