"""Processing algorithms of the RemoteNet provider.

``ALGORITHMS`` lists ``(module, class name)`` pairs; the provider imports each one on its own,
so a broken algorithm (or a missing torch) never stops the others, or QGIS, from loading.
Add an algorithm by appending its pair here. Algorithm modules must not import torch at
module level: the engine is imported inside ``processAlgorithm``.
"""
ALGORITHMS: list[tuple[str, str]] = [
    ("segment_algorithm", "SegmentAlgorithm"),
    ("train_algorithm", "TrainAlgorithm"),
    ("evaluate_algorithm", "EvaluateAlgorithm"),
]
