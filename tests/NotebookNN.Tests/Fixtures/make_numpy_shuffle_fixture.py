"""Writes datasets/numpy_shuffle.json: numpy's legacy RandomState output and the row orders Keras's loaders produce.

Run with /usr/bin/python3 (numpy 1.24) from this folder:  /usr/bin/python3 make_numpy_shuffle_fixture.py
The Keras steps are written out here from Keras's documented behaviour (RandomState(seed).shuffle of arange(len),
then slicing; IMDB shuffles test with seed*2; start_char/index_from offsets; maxlen drops len >= maxlen; words
outside [skip_top, num_words) become oov_char) so the C# loaders can be compared with numpy's own generator.
"""
import json, os
import numpy as np

DATA = os.environ.get("NOTEBOOKNN_SHARED_DATASETS", "/work/shared/datasets") + "/keras-format"
out = {}

for seed in (0, 1, 42, 113, 226, 4294967295):
    rs = np.random.RandomState(seed)
    out[f"random_sample_{seed}"] = rs.random_sample(5).tolist()
    rs = np.random.RandomState(seed)
    out[f"permutation_{seed}_1000"] = rs.permutation(1000).tolist()

def keras_order(n, seed):
    rng = np.random.RandomState(seed)
    idx = np.arange(n)
    rng.shuffle(idx)
    return idx

with np.load(os.path.join(DATA, "boston_housing.npz")) as f:
    x = f["x"]
idx = keras_order(len(x), 113)
out["boston_indices_113"] = idx.tolist()
out["boston_train_count"] = int(len(x) * (1 - 0.2))
out["boston_indices_7"] = keras_order(len(x), 7).tolist()

def process(xs, labels, num_words, skip_top, maxlen, start_char=1, oov_char=2, index_from=3):
    xs = [[start_char] + [int(w) + index_from for w in s] for s in xs]
    if maxlen:
        keep = [i for i, s in enumerate(xs) if len(s) < maxlen]
        xs = [xs[i] for i in keep]
        labels = labels[keep]
    return xs, labels

def clip(xs, num_words, skip_top, oov_char=2):
    if not num_words:
        num_words = max(max(s) for s in xs)
    return [[w if skip_top <= w < num_words else oov_char for w in s] for s in xs]

with np.load(os.path.join(DATA, "imdb-fixture.npz"), allow_pickle=True) as f:
    xtr, ytr, xte, yte = f["x_train"], f["y_train"], f["x_test"], f["y_test"]
cases = []
for (num_words, skip_top, maxlen) in [(None, 0, None), (100, 5, None), (50, 0, 30)]:
    i = keras_order(len(xtr), 113); a, la = process(list(xtr[i]), ytr[i], num_words, skip_top, maxlen)
    j = keras_order(len(xte), 226); b, lb = process(list(xte[j]), yte[j], num_words, skip_top, maxlen)
    xs = clip(a + b, num_words, skip_top)
    cases.append({"num_words": num_words, "skip_top": skip_top, "maxlen": maxlen,
                  "x_train": xs[:len(a)], "y_train": la.tolist(), "x_test": xs[len(a):], "y_test": lb.tolist()})
out["imdb"] = cases

with np.load(os.path.join(DATA, "reuters-fixture.npz"), allow_pickle=True) as f:
    xr, yr = f["x"], f["y"]
cases = []
for (num_words, skip_top, maxlen, test_split) in [(None, 0, None, 0.2), (100, 3, None, 0.2), (60, 0, 25, 0.3)]:
    i = keras_order(len(xr), 113); a, la = process(list(xr[i]), yr[i], num_words, skip_top, maxlen)
    xs = clip(a, num_words, skip_top)
    k = int(len(xs) * (1 - test_split))
    cases.append({"num_words": num_words, "skip_top": skip_top, "maxlen": maxlen, "test_split": test_split,
                  "x_train": xs[:k], "y_train": la[:k].tolist(), "x_test": xs[k:], "y_test": la[k:].tolist()})
out["reuters"] = cases
out["reuters_raw_x"] = [[int(w) for w in s] for s in xr]
out["reuters_raw_y"] = [int(v) for v in yr]
out["imdb_raw_x_test"] = [[int(w) for w in s] for s in xte]

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "datasets", "numpy_shuffle.json"), "w") as f:
    json.dump(out, f)
