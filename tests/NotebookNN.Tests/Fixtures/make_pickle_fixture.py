"""Writes datasets/pickles.json: pickles the object-array reader must accept or refuse (base64).

Run with /usr/bin/python3 (numpy 1.24) from this folder. "npy_ints" is np.save of an object array of Python int
lists (what Keras's imdb.npz / reuters.npz hold); "pickle2"/"pickle4" are pickle.dumps of the same array with
protocols 2 and 4; "npy_big" holds 2**40, which does not fit an int; "evil" calls os.system.
"""
import base64, io, json, os, pickle
import numpy as np

def arr(lists):
    a = np.empty(len(lists), dtype=object)
    for i, l in enumerate(lists):
        a[i] = l
    return a

def npy(a):
    b = io.BytesIO()
    np.save(b, a, allow_pickle=True)
    return b.getvalue()

lists = [[1, 300], [70000, -5, 65536, 2**31 - 1], [], list(range(1500))]
b64 = lambda b: base64.b64encode(b).decode()
class Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))
out = {
    "lists": lists,
    "npy_ints": b64(npy(arr(lists))),
    "pickle2": b64(pickle.dumps(arr(lists), protocol=2)),
    "pickle4": b64(pickle.dumps(arr(lists), protocol=4)),
    "npy_big": b64(npy(arr([[1, 2**40]]))),
    "evil": b64(pickle.dumps(Evil(), protocol=3)),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "datasets", "pickles.json"), "w") as f:
    json.dump(out, f)
