"""The work folder of a chunked run: a manifest of what the run computes, finished parts, and
a record per part that proves it complete, so a rerun after a crash reuses exactly those.

Layout (beside the output raster, hidden): ``.<output stem>.remotenet-work/``
  manifest.json        every input that changes pixels; a rerun with any difference starts afresh
  <part>.tif, ...      chunk parts, written under a temporary name and renamed when complete
  <part>.json          the part's record: file sizes and SHA-256, written last (also atomically)
A part is reused only when its record parses, names the same files with the same size and
hash; a half-written or damaged part never is.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any, Callable, Optional

from ....model.messages import QT_TRANSLATE_NOOP
from ..base.digest import file_sha256
from ..base.options import EngineError

MANIFEST = "manifest.json"
WORK_SUFFIX = ".remotenet-work"


def work_folder_for(output_raster: str) -> str:
    p = Path(os.path.abspath(output_raster))
    return str(p.with_name(f".{p.stem}{WORK_SUFFIX}"))


def write_json_atomic(path: str, data: Any) -> None:
    tmp = f"{path}.partial-{uuid.uuid4().hex[:8]}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _read_json(path: str) -> Optional[Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


class WorkFolder:
    def __init__(self, path: str, manifest: dict[str, Any]):
        self.path, self.manifest = path, manifest

    @classmethod
    def open(cls, path: str, manifest: dict[str, Any], log: Callable[[str], None]) -> WorkFolder:
        """The folder for this manifest: an earlier run's when it computed the same thing, else a new one."""
        manifest = json.loads(json.dumps(manifest))  # tuples become lists, as read back from disk
        old = _read_json(os.path.join(path, MANIFEST)) if os.path.isdir(path) else None
        if old is not None and old == manifest:
            return cls(path, manifest)
        if old is not None:
            changed = sorted(k for k in set(old) | set(manifest) if old.get(k) != manifest.get(k))
            log(QT_TRANSLATE_NOOP(
                "RemoteNet", "an earlier run's work in {path} used other inputs ({changed}); starting afresh").format(
                path=path, changed=', '.join(changed)))
        if os.path.lexists(path):
            cls._remove_tree(path)
        try:
            os.makedirs(path)
            write_json_atomic(os.path.join(path, MANIFEST), manifest)
        except OSError as err:
            raise EngineError(QT_TRANSLATE_NOOP(
                "RemoteNet", "cannot create the work folder {path} ({err}); check the output folder is writable and "
                "has space").format(path=path, err=err), "output_raster") from err
        return cls(path, manifest)

    @staticmethod
    def _remove_tree(path: str) -> None:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.remove(path)

    def file(self, name: str) -> str:
        return os.path.join(self.path, name)

    def temporary(self, name: str) -> str:
        """A unique temporary beside ``name`` (renamed into place when complete)."""
        stem, dot, suffix = name.partition(".")
        return self.file(f"{stem}.partial-{uuid.uuid4().hex[:8]}{dot}{suffix}")

    def record_path(self, part: str) -> str:
        return self.file(f"{part}.json")

    def finished(self, part: str, key: Optional[dict] = None) -> Optional[dict]:
        """The part's record when every file it names is intact (and its key matches), else None."""
        record = _read_json(self.record_path(part))
        if not isinstance(record, dict) or record.get("part") != part or record.get("key") != key:
            return None
        files = record.get("files")
        if not isinstance(files, dict) or not files:
            return None
        for name, (size, sha) in files.items():
            path = self.file(name)
            try:
                if os.path.getsize(path) != size or file_sha256(path) != sha:
                    return None
            except (OSError, TypeError, ValueError):
                return None
        return record

    def commit(self, part: str, files: dict[str, str], key: Optional[dict] = None,
               info: Optional[dict] = None) -> dict:
        """Rename complete temporaries to their names, then write the part's record last.

        ``files`` maps final names (in the folder) to the temporaries holding them.
        """
        record: dict[str, Any] = {"part": part, "key": key, "info": info or {}, "files": {}}
        for name, tmp in files.items():
            for side in (".aux.xml",):
                if os.path.exists(tmp + side):
                    os.replace(tmp + side, self.file(name) + side)
            os.replace(tmp, self.file(name))
            record["files"][name] = [os.path.getsize(self.file(name)), file_sha256(self.file(name))]
        write_json_atomic(self.record_path(part), json.loads(json.dumps(record)))
        return record

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
