"""Reference convolutions for NotebookNN's Conv2D (tests/NotebookNN.Tests/Convolution/Conv2DFixtureTests.cs).

PyTorch computes each case in float64: channels-last arrays are transposed to PyTorch's NCHW, "same" padding is
TensorFlow's rule applied with an explicit F.pad (out = ceil(in / stride), pad_total = max((out - 1) * stride + k - in, 0),
pad_before = pad_total // 2, the rest after), then F.conv2d without padding; autograd gives the gradients of
sum(w * relu(conv + b)) for a random weighting w. Run: /usr/bin/python3 make_conv2d_fixture.py > conv2d_fixture.json
"""
import json
import math
import numpy as np
import torch
import torch.nn.functional as F

rng = np.random.default_rng(2026)

# name, N, H, W, C, (KH, KW), (SH, SW), padding, filters
CASES = [
    ("in5_k2_s2_same", 1, 5, 5, 1, (2, 2), (2, 2), "same", 2),
    ("in6_k3_s2_same", 3, 6, 6, 2, (3, 3), (2, 2), "same", 3),
    ("asym_h7w4_k3x2_s2x3_same", 3, 7, 4, 2, (3, 2), (2, 3), "same", 4),
    ("in4_k4_s1_same", 1, 4, 4, 1, (4, 4), (1, 1), "same", 1),
    ("in8_k5x1_s3x1_same", 3, 8, 5, 3, (5, 1), (3, 1), "same", 2),
    ("valid_h7w6_k3_s2", 3, 7, 6, 2, (3, 3), (2, 2), "valid", 3),
    ("valid_h5w9_k2x4_s1x2", 1, 5, 9, 3, (2, 4), (1, 2), "valid", 5),
]


def same_pad(size, k, s):
    out = math.ceil(size / s)
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2


def rounded(a):
    return [float(v) for v in np.asarray(a, dtype=np.float32).ravel()]


cases = []
for name, n, h, w, c, (kh, kw), (sh, sw), padding, f in CASES:
    x = rng.uniform(-1, 1, size=(n, h, w, c)).astype(np.float32)
    k = rng.uniform(-1, 1, size=(kh, kw, c, f)).astype(np.float32)
    b = rng.uniform(-0.5, 0.5, size=(f,)).astype(np.float32)
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    kt = torch.tensor(k, dtype=torch.float64, requires_grad=True)
    bt = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    xn = xt.permute(0, 3, 1, 2)                      # NCHW
    kn = kt.permute(3, 2, 0, 1)                      # (F, C, KH, KW)
    if padding == "same":
        top, bottom = same_pad(h, kh, sh)
        left, right = same_pad(w, kw, sw)
        xn = F.pad(xn, (left, right, top, bottom))
    else:
        top = bottom = left = right = 0
    z = F.conv2d(xn, kn, bt, stride=(sh, sw)).permute(0, 2, 3, 1)   # back to NHWC
    y = torch.relu(z)
    up = rng.uniform(-1, 1, size=tuple(y.shape)).astype(np.float32)
    (y * torch.tensor(up, dtype=torch.float64)).sum().backward()
    cases.append({
        "name": name, "x_shape": [n, h, w, c], "kernel_size": [kh, kw], "strides": [sh, sw], "padding": padding,
        "filters": f, "pads": [top, bottom, left, right], "y_shape": list(y.shape),
        "x": rounded(x), "kernel": rounded(k), "bias": rounded(b), "upstream": rounded(up),
        "y": [float(v) for v in y.detach().numpy().ravel()],
        "dx": [float(v) for v in xt.grad.numpy().ravel()],
        "dkernel": [float(v) for v in kt.grad.numpy().ravel()],
        "dbias": [float(v) for v in bt.grad.numpy().ravel()],
    })

print(json.dumps({"generator": f"torch {torch.__version__}, numpy {np.__version__}", "cases": cases}))
