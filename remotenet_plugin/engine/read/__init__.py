"""Reading: the source raster (bands, window, normalisation), the tile grid over it, and batches of
tiles prefetched by background threads while the network runs.
"""
