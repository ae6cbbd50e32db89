"""Before a pixel is read: the one judge of the inputs, then the run itself prepared (model loaded,
device, precision and runtime chosen, tile grid laid).
"""
