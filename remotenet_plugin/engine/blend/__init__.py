"""Blending: the network's tile outputs weighted into rolling rows of class probabilities, then
classes and confidence, on the CPU (numpy) or on the GPU (torch), in a thread of their own.
"""
