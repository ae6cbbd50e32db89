"""QGIS integration (provider, algorithms) and the raster engine.

Importing this package must not import qgis: ``remotenet_plugin.engine`` is used from plain Python.
"""
