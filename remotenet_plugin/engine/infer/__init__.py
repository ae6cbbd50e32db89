"""Running the network: device and precision choice, the PyTorch runtime (CUDA or CPU) and the
optional OpenVINO runtime for CPUs.
"""
