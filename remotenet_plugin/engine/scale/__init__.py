"""Scale wrapped round read -> infer -> blend -> write: a large window cut into chunks, each run on
its own (in this process or on a Dask cluster), resumable from a work folder, then assembled into
Cloud Optimized GeoTIFFs with polygons merged across the seams.
"""
