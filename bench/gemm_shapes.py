"""numpy (OpenBLAS) on the shapes of the bench's "gemm-shapes" command, float32, median of ~0.3 s after warm-up.

Usage: /usr/bin/python3 bench/gemm_shapes.py   (OPENBLAS_CORETYPE=Haswell or Zen picks OpenBLAS's AVX2 kernel
on a CPU it does not recognise; OPENBLAS_NUM_THREADS=2 to match our two threads, 1 to compare with
`gemm-shapes --threads 1`, whose "best cpu" figure this script prints as well: the least thread CPU time of a call,
meaningful with one BLAS thread only.)
"""
import time
import numpy as np

SHAPES = [  # name, m, n, k, transA, transB
    ("square_512", 512, 512, 512, False, False),
    ("conv2_b32_forward", 6272, 64, 288, False, False),
    ("conv2_b32_input_grad", 6272, 288, 64, False, True),
    ("conv2_b32_kernel_grad", 288, 64, 6272, True, False),
    ("conv2_b128_forward", 25088, 64, 288, False, False),
    ("conv2_b128_input_grad", 25088, 288, 64, False, True),
    ("conv2_b128_kernel_grad", 288, 64, 25088, True, False),
    ("conv1_b32_forward", 25088, 32, 9, False, False),
    ("conv1_b32_input_grad", 25088, 9, 32, False, True),
    ("conv1_b32_kernel_grad", 9, 32, 25088, True, False),
    ("dense_b32_forward", 32, 100, 3136, False, False),
    ("dense_b32_kernel_grad", 3136, 100, 32, True, False),
    ("dense_b32_input_grad", 32, 3136, 100, False, True),
]

rng = np.random.default_rng(0)
for name, m, n, k, ta, tb in SHAPES:
    a = rng.random((k, m) if ta else (m, k), dtype=np.float32) - 0.5
    b = rng.random((n, k) if tb else (k, n), dtype=np.float32) - 0.5
    x, y = (a.T if ta else a), (b.T if tb else b)
    c = np.empty((m, n), dtype=np.float32)
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:
        np.dot(x, y, out=c)
    times, cpus = [], []
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end or len(times) < 10:
        c0, t0 = time.thread_time(), time.perf_counter()
        np.dot(x, y, out=c)
        times.append(time.perf_counter() - t0)
        cpus.append(time.thread_time() - c0)
    med, best = sorted(times)[len(times) // 2], max(min(cpus), 1e-9)
    flops = 2.0 * m * n * k
    print(f"numpy gemm_{name} {flops / med / 1e9:.1f} GFLOP/s ({med * 1e6:.0f} µs, best cpu {flops / best / 1e9:.1f} GFLOP/s)")
