"""What every room stands on: the options a run is asked for, its result and errors, GDAL's
exception mode, content hashes and the helper threads' plumbing. Imports nothing else of the engine.
"""
