"""The engine's GDAL mode: its calls behave as its code expects whatever mode the process is in, on
its own threads too, and the process's mode is left as it was found (engine/base/gdal_errors.py)."""
from __future__ import annotations

import threading

import pytest
from osgeo import gdal, ogr

from remotenet.remotenet_plugin.engine.base import gdal_errors
from remotenet.remotenet_plugin.engine.base.gdal_errors import (
    PER_THREAD,
    engine_thread,
    gdal_exceptions,
    gdal_return_codes,
    in_engine_mode,
)

MISSING = "/nonexistent/remotenet/missing.tif"


def open_missing() -> str:
    """'none' when GDAL returned None, 'raised' when it raised, for a file that is not there."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return "none" if gdal.Open(MISSING) is None else "opened"
    except RuntimeError:
        return "raised"
    finally:
        gdal.PopErrorHandler()


def bad_geometry() -> str:
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        return "none" if ogr.CreateGeometryFromWkt("POLYGON ((0 0, 1") is None else "made"
    except RuntimeError:
        return "raised"
    finally:
        gdal.PopErrorHandler()


def in_thread(function) -> str:
    result: list[str] = []
    thread = threading.Thread(target=lambda: result.append(function()))
    thread.start()
    thread.join()
    return result[0]


@pytest.mark.parametrize("inside, expected", [(gdal_return_codes, "none"), (gdal_exceptions, "raised")])
def test_each_mode_holds_inside_whatever_the_process_mode(gdal_exception_mode, inside, expected):
    outside = "raised" if gdal_exception_mode else "none"
    assert open_missing() == outside
    with inside():
        assert open_missing() == expected
        assert bad_geometry() == expected  # OGR follows too
        with inside():  # nested: still the same, and the outer block's mode survives the inner one
            assert open_missing() == expected
        assert open_missing() == expected
    assert open_missing() == outside


def test_engine_threads_and_pool_targets_run_in_the_engine_mode(gdal_exception_mode):
    with gdal_return_codes():
        results: list[str] = []
        thread = engine_thread(lambda: results.append(open_missing()), "test-engine-thread")
        thread.start()
        thread.join()
        wrapped = in_engine_mode(open_missing)
        results.append(in_thread(wrapped))
    assert results == ["none", "none"]
    # a wrapper made inside an exceptions block carries that mode to other threads
    with gdal_exceptions():
        wrapped = in_engine_mode(open_missing)
    assert in_thread(wrapped) == "raised"


def test_other_threads_keep_the_process_mode_where_gdal_has_per_thread_modes(gdal_exception_mode):
    """GDAL 3.7+ (QGIS 3.40/3.44): QGIS's own threads never see the engine's mode. GDAL 3.6 (QGIS 3.22)
    has one switch for the process: there the other thread sees the engine's mode while it runs."""
    outside = "raised" if gdal_exception_mode else "none"
    with gdal_return_codes():
        seen = in_thread(open_missing)
    assert seen == (outside if PER_THREAD else "none")
    assert open_missing() == outside


@pytest.mark.skipif(PER_THREAD, reason="the counted process-wide switch exists only for GDAL < 3.7")
def test_overlapping_runs_restore_the_process_mode_only_when_the_last_one_ends(gdal_exception_mode):
    outside = "raised" if gdal_exception_mode else "none"
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, str] = {}

    def second() -> None:
        first_in.wait()
        with gdal_return_codes():
            second_in.set()
            first_out.wait()
            seen["second after the first ended"] = open_missing()

    thread = threading.Thread(target=second)
    thread.start()
    with gdal_return_codes():
        first_in.set()
        second_in.wait()
    first_out.set()
    thread.join()
    assert seen == {"second after the first ended": "none"}
    assert open_missing() == outside
    assert gdal_errors._process["holders"] == 0
