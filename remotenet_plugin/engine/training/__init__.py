"""Beside segmentation: reference labels on an image's grid, training chips cut from them, and the
accuracy of a classified raster against them.
"""
