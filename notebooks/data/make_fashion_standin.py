#!/usr/bin/env python3
"""Writes Fashion-MNIST's four IDX files (Keras's fashion-mnist/ layout) from the real MNIST test set, for offline runs.

usage: make_fashion_standin.py <mnist-t10k folder> <output folder>   (then NOTEBOOKNN_DATASETS=<output folder>)
The files are in Fashion-MNIST's exact format but hold handwritten DIGITS, not clothes: the first 8,000 MNIST test
images as the training set, the last 2,000 as the test set. Standard library only (CI machines are fresh).
"""
import gzip, os, struct, sys

src, out = sys.argv[1], sys.argv[2]
folder = os.path.join(out, "fashion-mnist")
os.makedirs(folder, exist_ok=True)
with gzip.open(os.path.join(src, "t10k-images-idx3-ubyte.gz")) as f:
    magic, n, rows, cols = struct.unpack(">IIII", f.read(16)); pixels = f.read()
with gzip.open(os.path.join(src, "t10k-labels-idx1-ubyte.gz")) as f:
    lmagic, ln = struct.unpack(">II", f.read(8)); labels = f.read()
assert (magic, lmagic, n, ln) == (2051, 2049, 10000, 10000)
size = rows * cols
for prefix, lo, hi in (("train", 0, 8000), ("t10k", 8000, 10000)):
    with gzip.open(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"), "wb") as f:
        f.write(struct.pack(">IIII", 2051, hi - lo, rows, cols) + pixels[lo * size:hi * size])
    with gzip.open(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"), "wb") as f:
        f.write(struct.pack(">II", 2049, hi - lo) + labels[lo:hi])
print(f"wrote {folder}: 8000 training and 2000 test images (MNIST digits in Fashion-MNIST's format)")
