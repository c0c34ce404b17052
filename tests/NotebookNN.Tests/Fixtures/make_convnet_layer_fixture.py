"""Reference outputs and gradients for NotebookNN's pooling and batch-norm layers, computed by PyTorch
(tests/NotebookNN.Tests/Layers/ConvnetLayerFixtureTests.cs).

PyTorch is channels-first and pads symmetrically, so TensorFlow's "same" rule is applied here by hand:
out = ceil(in / stride), pad_total = max((out - 1) * stride + pool - in, 0), floor(pad_total / 2) before and the
rest after, padded with -inf for max pooling; average pooling divides by the count of cells inside the input
(sum pooling of the zero-padded input over sum pooling of a zero-padded ones tensor). Batch norm in training
mode: torch's batch_norm with the batch statistics; the moving statistics after one step are written out with
Keras 3's rule (momentum 0.99, the biased batch variance). Gradients by autograd, for a fixed output weighting.
Run: /usr/bin/python3 make_convnet_layer_fixture.py > convnet_layer_fixture.json
"""
import json
import math
import torch
import torch.nn.functional as F

torch.manual_seed(18)
torch.set_default_dtype(torch.float64)


def same_pads(size, pool, stride):
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + pool - size, 0)
    return total // 2, total - total // 2


def pool_case(name, kind, shape, pool, strides, padding):
    b, h, w, c = shape
    x = torch.randn(shape).float().double().requires_grad_(True)   # float32 values, float64 arithmetic
    xc = x.permute(0, 3, 1, 2)
    if padding == "same":
        top, bottom = same_pads(h, pool[0], strides[0])
        left, right = same_pads(w, pool[1], strides[1])
    else:
        top = bottom = left = right = 0
    pads = (left, right, top, bottom)
    if kind == "max":
        y = F.max_pool2d(F.pad(xc, pads, value=-math.inf), pool, strides)
    else:
        sums = F.avg_pool2d(F.pad(xc, pads, value=0.0), pool, strides) * (pool[0] * pool[1])
        counts = F.avg_pool2d(F.pad(torch.ones_like(xc), pads, value=0.0), pool, strides) * (pool[0] * pool[1])
        y = sums / counts
    y = y.permute(0, 2, 3, 1)
    weights = torch.randn(y.shape).float().double()
    (y * weights).sum().backward()
    return {"name": name, "kind": kind, "shape": list(shape), "pool": list(pool), "strides": list(strides),
            "padding": padding, "x": x.detach().flatten().tolist(), "y_shape": list(y.shape),
            "y": y.detach().flatten().tolist(), "weights": weights.flatten().tolist(), "dx": x.grad.flatten().tolist()}


def batch_norm_case(name, shape):
    channels = shape[-1]
    x = (torch.randn(shape) * 2 + 1.5).float().double().requires_grad_(True)
    gamma = (torch.randn(channels) * 0.5 + 1).float().double().requires_grad_(True)
    beta = torch.randn(channels).float().double().requires_grad_(True)
    flat = x.reshape(-1, channels)
    y = F.batch_norm(flat, None, None, gamma, beta, training=True, eps=1e-3).reshape(shape)
    weights = torch.randn(shape).float().double()
    (y * weights).sum().backward()
    mean = flat.detach().mean(0)
    var = flat.detach().var(0, unbiased=False)
    return {"name": name, "shape": list(shape), "x": x.detach().flatten().tolist(), "gamma": gamma.detach().tolist(),
            "beta": beta.detach().tolist(), "y": y.detach().flatten().tolist(), "weights": weights.flatten().tolist(),
            "dx": x.grad.flatten().tolist(), "dgamma": gamma.grad.tolist(), "dbeta": beta.grad.tolist(),
            "moving_mean": (0.01 * mean).tolist(), "moving_variance": (0.99 + 0.01 * var).tolist()}


pools = [
    pool_case("max_same_7x5_p3_s2", "max", (3, 7, 5, 4), (3, 3), (2, 2), "same"),
    pool_case("max_same_6x9_p2x3_s1x2", "max", (1, 6, 9, 3), (2, 3), (1, 2), "same"),
    pool_case("max_valid_9x8_p2_s3", "max", (3, 9, 8, 9), (2, 2), (3, 3), "valid"),
    pool_case("avg_same_7x5_p3_s2", "avg", (3, 7, 5, 4), (3, 3), (2, 2), "same"),
    pool_case("avg_same_8x8_p3_s3", "avg", (1, 8, 8, 2), (3, 3), (3, 3), "same"),
    pool_case("avg_valid_7x6_p2x3_s1", "avg", (3, 7, 6, 3), (2, 3), (1, 1), "valid"),
]
norms = [batch_norm_case("bn_dense_32x7", (32, 7)), batch_norm_case("bn_images_3x5x4x6", (3, 5, 4, 6))]
print(json.dumps({"pooling": pools, "batch_norm": norms}))
