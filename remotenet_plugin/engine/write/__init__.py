"""Writing the outputs: the classified and confidence GeoTIFFs, the .qml style, class polygons and
the final move of every file into place.
"""
