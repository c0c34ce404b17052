#!/usr/bin/python3
"""Peer for NotebookNN's "matmul" benchmark: numpy (Debian, on OpenBLAS) square fp32 C = A @ B.

Measures like ../../../shared/bench/peers/pytorch/bench.py: 10 warm-ups (3 at n=2048), reps chosen for ~0.5 s
(10..500), GFLOP/s = 2 n^3 / median. Prints "<prefix> matmul_n<N> <GFLOP/s> GFLOP/s" (prefix: $BENCH_PREFIX, default
"numpy", as the PyTorch peer does); diagnostics on stderr.
Run with Debian's interpreter: /usr/bin/python3 numpy_matmul.py [n ...]
"""
import ctypes
import statistics
import os
import sys
import time

import numpy as np

P = os.environ.get("BENCH_PREFIX", "numpy")


def log(msg):
    print(f"[{P}] {msg}", file=sys.stderr, flush=True)


def blas_info():
    """Which BLAS numpy's _multiarray_umath loaded, and its core and thread count (OpenBLAS only)."""
    maps = open("/proc/self/maps").read()
    libs = sorted({line.split()[-1] for line in maps.splitlines() if "blas" in line.lower() and "/" in line})
    log(f"numpy {np.__version__} BLAS libraries mapped: {libs}")
    for lib in libs:
        if "openblas" in lib:
            ob = ctypes.CDLL(lib)
            ob.openblas_get_corename.restype = ctypes.c_char_p
            log(f"OpenBLAS core={ob.openblas_get_corename().decode()} threads={ob.openblas_get_num_threads()}")


sizes = [int(a) for a in sys.argv[1:]] or [256, 512, 1024, 2048]
rng = np.random.default_rng(0)
_ = np.ones((64, 64), np.float32) @ np.ones((64, 64), np.float32)  # load BLAS
blas_info()
for n in sizes:
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    c = np.empty((n, n), np.float32)
    for _ in range(3 if n >= 2048 else 10):
        np.matmul(a, b, out=c)
    t0 = time.perf_counter()
    np.matmul(a, b, out=c)
    est = time.perf_counter() - t0
    reps = min(max(int(0.5 / max(est, 1e-7)), 10), 500)
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        np.matmul(a, b, out=c)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    print(f"{P} matmul_n{n} {2.0 * n ** 3 / med / 1e9:.6g} GFLOP/s", flush=True)
    log(f"matmul n={n} reps={reps} median={med * 1e3:.3f} ms min={min(times) * 1e3:.3f} ms")
