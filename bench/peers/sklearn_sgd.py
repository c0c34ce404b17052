#!/usr/bin/python3
"""Peer for NotebookNN's "sgd" benchmark: the Fashion-MNIST tutorial's logistic baseline in scikit-learn.

Data: the real MNIST test images (../shared/datasets/mnist-t10k, or the folder given as the first argument) tiled to
55,000 rows of 784 pixels / 255 in float32, the size of the tutorial's training set; labels tiled alike. Times
SGDClassifier(loss="log_loss", max_iter=20, random_state=42).fit on all rows (one core: n_jobs=None) and
cross_validate(..., n_jobs=-1) (5 stratified folds on every core), once each. Prints "sklearn <figure> <runs/min>
runs/min" lines and the mean test score. Run with Debian's interpreter: /usr/bin/python3 sklearn_sgd.py [mnist-t10k dir]
"""
import gzip, os, sys, time, warnings
import numpy as np
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import cross_validate

N = 55000
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/datasets/mnist-t10k")
with gzip.open(os.path.join(folder, "t10k-images-idx3-ubyte.gz")) as f:
    x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
with gzip.open(os.path.join(folder, "t10k-labels-idx1-ubyte.gz")) as f:
    y = np.frombuffer(f.read(), np.uint8, offset=8)
reps = -(-N // len(x))
x = np.tile(x, (reps, 1))[:N].astype(np.float32) / np.float32(255)
y = np.tile(y, reps)[:N].astype(np.int64)
warnings.simplefilter("ignore")
t0, c0 = time.perf_counter(), time.process_time()
clf = SGDClassifier(loss="log_loss", max_iter=20, random_state=42).fit(x, y)
fit, fit_cpu = time.perf_counter() - t0, time.process_time() - c0
print(f"sklearn sgd_fit_{N}x784 {60 / fit:.6g} runs/min ({fit:.2f} s, n_iter {clf.n_iter_})")
print(f"sklearn sgd_fit_cpu_{N}x784 {60 / fit_cpu:.6g} runs/min ({fit_cpu:.2f} s of CPU)")
t0 = time.perf_counter()
scores = cross_validate(SGDClassifier(loss="log_loss", max_iter=20, random_state=42), x, y, n_jobs=-1)
cv = time.perf_counter() - t0
print(f"sklearn sgd_cv5_{N}x784 {60 / cv:.6g} runs/min ({cv:.2f} s, mean test score {np.mean(scores['test_score']):.6f})")
