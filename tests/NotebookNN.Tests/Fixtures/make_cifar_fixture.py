"""Writes datasets/cifar-10-batches-py/: tiny CIFAR-10 batches in the real file format, 3 images per batch.

Run with /usr/bin/python3 from this folder. data_batch_1..5 are assembled opcode by opcode the way Python 2's cPickle
wrote the real batches (protocol 2, str as BINSTRING/SHORT_BINSTRING, the ndarray state holding its bytes as a str);
test_batch is written by Python 3's pickle.dump(protocol=2) (bytes become _codecs.encode calls). Each file is checked
to load with pickle.load(encoding="bytes") as CIFAR's own loader does. Pixel value of image i (global index g), flat
channels-first position p: (g * 31 + p * 7) % 256; label: (g * 3) % 10.
"""
import os, pickle, struct
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "datasets", "cifar-10-batches-py")
os.makedirs(OUT, exist_ok=True)
PER = 3

def batch(b):
    g = np.arange(b * PER, (b + 1) * PER)[:, None]
    p = np.arange(3072)[None, :]
    data = ((g * 31 + p * 7) % 256).astype(np.uint8)
    labels = [int(v) for v in (np.arange(b * PER, (b + 1) * PER) * 3) % 10]
    return data, labels

def s(v):  # py2 str
    v = v if isinstance(v, bytes) else v.encode("latin1")
    return (b"U" + bytes([len(v)]) + v) if len(v) < 256 else (b"T" + struct.pack("<I", len(v)) + v)

def py2_pickle(name, data, labels):
    out = [b"\x80\x02}q\x01(", s("data"), b"cnumpy.core.multiarray\n_reconstruct\nq\x02cnumpy\nndarray\nq\x03K\x00\x85U\x01b\x87R",
           b"q\x04(K\x01K", bytes([data.shape[0]]), b"M\x00\x0c\x86cnumpy\ndtype\nq\x05U\x02u1K\x00K\x01\x87R",
           b"q\x06(K\x03U\x01|NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xffK\x00tb\x89", s(data.tobytes()), b"tb",
           s("labels"), b"]q\x07(", b"".join(b"K" + bytes([v]) for v in labels), b"e",
           s("batch_label"), s(name), s("filenames"), b"]q\x08(", b"".join(s(f"img_{i}.png") for i in range(len(labels))), b"e",
           b"u."]
    return b"".join(out)

for b in range(5):
    data, labels = batch(b)
    blob = py2_pickle(f"training batch {b + 1} of 5", data, labels)
    d = pickle.loads(blob, encoding="bytes")
    assert (d[b"data"] == data).all() and d[b"labels"] == labels
    with open(os.path.join(OUT, f"data_batch_{b + 1}"), "wb") as f:
        f.write(blob)

data, labels = batch(5)
with open(os.path.join(OUT, "test_batch"), "wb") as f:
    pickle.dump({b"batch_label": b"testing batch 1 of 1", b"labels": labels, b"data": data,
                 b"filenames": [b"t.png"] * PER}, f, protocol=2)
with open(os.path.join(OUT, "test_batch"), "rb") as f:
    d = pickle.load(f, encoding="bytes")
assert (d[b"data"] == data).all() and d[b"labels"] == labels

# The batches are stand-ins, not CIFAR's: declare them (README, 'Offline data') so Cifar10's hash check accepts them.
import hashlib
root = os.path.dirname(OUT)
names = sorted(os.listdir(OUT))
with open(os.path.join(root, "STANDINS.sha256"), "w") as f:
    for name in names:
        with open(os.path.join(OUT, name), "rb") as g:
            f.write(f"{hashlib.sha256(g.read()).hexdigest()}  cifar-10-batches-py/{name}\n")
