#!/usr/bin/python3
"""Peer for NotebookNN's "encode" benchmark: the tutorials' vectorize_sequences in numpy.

The sequences are the bench's own (sequence i has 50 + (i * 7919) % 400 words, word j being (i * 31 + j * 17) % 10000),
encoded into a (25000, 10000) matrix as the IMDB tutorial writes it: with float64 zeros when the first argument is
"numpy", float32 zeros (like for like with NotebookNN) when it is "numpy_f32". One warm-up, then the median of 5;
prints "<lib> multihot_25000x10000 <rows/s> rows/s". Run with Debian's interpreter:
/usr/bin/python3 numpy_multihot.py numpy|numpy_f32
"""
import statistics
import sys
import time

import numpy as np

N, D = 25000, 10000


def sequences():
    return [[(i * 31 + j * 17) % D for j in range(50 + (i * 7919) % 400)] for i in range(N)]


def vectorize_sequences(seqs, dimension, dtype):
    results = np.zeros((len(seqs), dimension), dtype=dtype)
    for i, sequence in enumerate(seqs):
        results[i, sequence] = 1.
    return results


def main():
    lib = sys.argv[1] if len(sys.argv) > 1 else "numpy"
    dtype = np.float32 if lib.endswith("_f32") else np.float64
    seqs = sequences()
    vectorize_sequences(seqs, D, dtype)
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        m = vectorize_sequences(seqs, D, dtype)
        times.append(time.perf_counter() - t0)
        del m
    med = statistics.median(times)
    print(f"[{lib}] multihot median {med * 1e3:.1f} ms", file=sys.stderr)
    print(f"{lib} multihot_{N}x{D} {N / med:.6g} rows/s", flush=True)


if __name__ == "__main__":
    main()
