#!/usr/bin/env python3
"""Writes a stand-in for CIFAR-10's extracted python batches (cifar-10-batches-py/data_batch_1..5 and test_batch:
pickled dicts with 'data', a uint8 numpy array (N, 3072) channels first, and 'labels', a list of ints) for offline runs.

usage: make_cifar_standin.py <mnist-t10k folder> <output folder>   (then NOTEBOOKNN_DATASETS=<output folder>)
The images are NOT CIFAR-10: they are real MNIST test digits padded to 32 x 32 and tinted with a random colour on a
random background (5 x 1,000 training images, 1,000 test images; labels are the digits). Needs numpy (Debian's
python3-numpy) for the arrays, pickled as CIFAR's files are.
"""
import gzip, os, pickle, struct, sys
import numpy as np

src, out = sys.argv[1], sys.argv[2]
with gzip.open(os.path.join(src, "t10k-images-idx3-ubyte.gz")) as f:
    _, n, rows, cols = struct.unpack(">IIII", f.read(16)); images = np.frombuffer(f.read(), np.uint8).reshape(n, rows, cols)
with gzip.open(os.path.join(src, "t10k-labels-idx1-ubyte.gz")) as f:
    f.read(8); labels = np.frombuffer(f.read(), np.uint8)
rng = np.random.RandomState(42)
def batch(lo, hi, name):
    digits = np.zeros((hi - lo, 32, 32), np.float64)
    digits[:, 2:30, 2:30] = images[lo:hi] / 255.0
    fg = rng.uniform(0.5, 1.0, (hi - lo, 3, 1, 1)); bg = rng.uniform(0.0, 0.4, (hi - lo, 3, 1, 1))
    rgb = bg + (fg - bg) * digits[:, None, :, :]                      # (N, 3, 32, 32), channels first like CIFAR
    data = np.clip(rgb * 255 + rng.normal(0, 8, rgb.shape), 0, 255).astype(np.uint8).reshape(hi - lo, 3072)
    return {"batch_label": name, "labels": [int(v) for v in labels[lo:hi]], "data": data,
            "filenames": [f"standin_{i}.png" for i in range(lo, hi)]}
folder = os.path.join(out, "cifar-10-batches-py")
os.makedirs(folder, exist_ok=True)
for i in range(5):
    with open(os.path.join(folder, f"data_batch_{i + 1}"), "wb") as f:
        pickle.dump(batch(1000 * i, 1000 * (i + 1), f"training batch {i + 1} of 5"), f, protocol=2)
with open(os.path.join(folder, "test_batch"), "wb") as f:
    pickle.dump(batch(9000, 10000, "testing batch 1 of 1"), f, protocol=2)
print(f"wrote {folder}: 5,000 training and 1,000 test images (tinted MNIST digits in CIFAR-10's batch format)")
