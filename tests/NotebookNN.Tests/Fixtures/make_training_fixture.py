"""Reference values for NotebookNN's Keras stack (tests/NotebookNN.Tests/Models/TrainingFixtureTests.cs,
Losses/LossFixtureTests.cs, Metrics/MetricFixtureTests.cs).

Everything is written here independently in float64 numpy from Keras's formulas:
- training: a 4-5-3 Dense network (tanh hidden layer, output activation per case) with its forward and backward
  pass written by hand, the loss (mean over the batch), L1/L2 penalties, and each optimizer's update rule
  (keras/src/optimizers/*.py); three TrainOnBatch steps from fixed initial weights, recording the loss of each
  step (before the update) and every weight after the three steps.
- losses: per-loss values for probabilities / logits / sample weights (reduction sum_over_batch_size).
- metrics: accuracy variants, mae, mse, Precision, Recall, AUC (200 thresholds, trapezoid over ROC) accumulated
  over two batches with sample weights.
Run: /usr/bin/python3 make_training_fixture.py > training_fixture.json
"""
import json
import math
import numpy as np

rng = np.random.default_rng(20261124)
EPS = 1e-7
N, D, H, C = 6, 4, 5, 3

X = rng.normal(size=(N, D))
W1, B1 = rng.normal(size=(D, H)) * 0.6, rng.normal(size=(H,)) * 0.1
W2, B2 = rng.normal(size=(H, C)) * 0.6, rng.normal(size=(C,)) * 0.1
Y_REG = rng.normal(size=(N, C))
Y_SPARSE = np.array([0, 2, 1, 1, 0, 2], dtype=float)
Y_ONEHOT = np.eye(C)[Y_SPARSE.astype(int)]
Y_MULTI = (rng.uniform(size=(N, C)) > 0.5).astype(float)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def loss_and_grad(kind, z, y):
    """Loss (mean over batch) and its gradient with respect to the output layer's pre-activation z."""
    n = z.shape[0]
    if kind == "mse":
        return np.mean(np.mean((z - y) ** 2, axis=-1)), 2 * (z - y) / (n * z.shape[1])
    if kind == "binary_crossentropy":
        p = np.clip(sigmoid(z), EPS, 1 - EPS)
        return np.mean(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)), axis=-1)), (sigmoid(z) - y) / (n * z.shape[1])
    t = np.eye(z.shape[1])[y.astype(int)] if kind.startswith("sparse") else y
    p = softmax(z)
    return np.mean(-np.sum(t * np.log(np.clip(p, EPS, 1 - EPS)), axis=-1)), (p - t) / n


def penalty(reg, w):
    if reg is None:
        return 0.0, np.zeros_like(w)
    kind, f = reg
    return (f * np.abs(w).sum(), f * np.sign(w)) if kind == "l1" else (f * (w * w).sum(), 2 * f * w)


def make_optimizer(cfg):
    kind, lr = cfg["optimizer"], cfg["learning_rate"]
    state = {"t": 0, "u_prod": 1.0}

    def step(ws, gs):
        state["t"] += 1
        t = state["t"]
        out = []
        if kind == "nadam":
            u_t = 0.9 * (1 - 0.5 * 0.96 ** t)
            u_next = 0.9 * (1 - 0.5 * 0.96 ** (t + 1))
            state["u_prod"] *= u_t
        for i, (w, g) in enumerate(zip(ws, gs)):
            s = state.setdefault(i, {"m": np.zeros_like(w), "v": np.zeros_like(w), "a": np.full_like(w, 0.1)})
            if kind == "sgd":
                mom = cfg.get("momentum", 0.0)
                if mom == 0:
                    w = w - lr * g
                else:
                    s["m"] = mom * s["m"] - lr * g
                    w = w + (mom * s["m"] - lr * g if cfg.get("nesterov") else s["m"])
            elif kind in ("adam", "adamw"):
                if kind == "adamw":
                    w = w - w * cfg["weight_decay"] * lr
                s["m"] = 0.9 * s["m"] + 0.1 * g
                s["v"] = 0.999 * s["v"] + 0.001 * g * g
                alpha = lr * math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
                w = w - alpha * s["m"] / (np.sqrt(s["v"]) + EPS)
            elif kind == "rmsprop":
                s["v"] = 0.9 * s["v"] + 0.1 * g * g
                w = w - lr * g / np.sqrt(s["v"] + EPS)
            elif kind == "adagrad":
                s["a"] = s["a"] + g * g
                w = w - lr * g / np.sqrt(s["a"] + EPS)
            elif kind == "nadam":
                s["m"] = 0.9 * s["m"] + 0.1 * g
                s["v"] = 0.999 * s["v"] + 0.001 * g * g
                m_hat = u_next * s["m"] / (1 - state["u_prod"] * u_next) + (1 - u_t) * g / (1 - state["u_prod"])
                w = w - lr * m_hat / (np.sqrt(s["v"] / (1 - 0.999 ** t)) + EPS)
            out.append(w)
        return out

    return step


def train(cfg):
    ws = [W1.copy(), B1.copy(), W2.copy(), B2.copy()]
    y = {"mse": Y_REG, "binary_crossentropy": Y_MULTI, "categorical_crossentropy": Y_ONEHOT,
         "sparse_categorical_crossentropy": Y_SPARSE}[cfg["loss"]]
    regs = [cfg.get("kernel_regularizer"), cfg.get("bias_regularizer")] * 2
    opt = make_optimizer(cfg)
    losses = []
    for _ in range(3):
        w1, b1, w2, b2 = ws
        h = np.tanh(X @ w1 + b1)
        z = h @ w2 + b2
        loss, dz = loss_and_grad(cfg["loss"], z, y)
        pens = [penalty(r, w) for r, w in zip(regs, ws)]
        losses.append(loss + sum(p for p, _ in pens))
        dh = dz @ w2.T * (1 - h * h)
        grads = [X.T @ dh, dh.sum(0), h.T @ dz, dz.sum(0)]
        grads = [g + pg for g, (_, pg) in zip(grads, pens)]
        ws = opt(ws, grads)
    return dict(cfg, losses=losses, expected=[w.ravel().tolist() for w in ws])


TRAIN = [
    {"name": "sgd_mse", "optimizer": "sgd", "learning_rate": 0.1, "loss": "mse", "activation": "linear"},
    {"name": "momentum_cce", "optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.9,
     "loss": "categorical_crossentropy", "activation": "softmax"},
    {"name": "nesterov_sparse", "optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.9, "nesterov": True,
     "loss": "sparse_categorical_crossentropy", "activation": "softmax"},
    {"name": "adam_bce", "optimizer": "adam", "learning_rate": 0.01, "loss": "binary_crossentropy", "activation": "sigmoid"},
    {"name": "rmsprop_sparse_logits", "optimizer": "rmsprop", "learning_rate": 0.01,
     "loss": "sparse_categorical_crossentropy", "activation": "linear", "from_logits": True},
    {"name": "adagrad_cce_logits", "optimizer": "adagrad", "learning_rate": 0.1,
     "loss": "categorical_crossentropy", "activation": "linear", "from_logits": True},
    {"name": "adamw_mse_l2", "optimizer": "adamw", "learning_rate": 0.01, "weight_decay": 0.004,
     "loss": "mse", "activation": "linear", "kernel_regularizer": ["l2", 0.01]},
    {"name": "nadam_bce_logits_l1", "optimizer": "nadam", "learning_rate": 0.01, "loss": "binary_crossentropy",
     "activation": "linear", "from_logits": True, "kernel_regularizer": ["l1", 0.01], "bias_regularizer": ["l2", 0.05]},
]

# ---- losses -------------------------------------------------------------------------------------------
LN, LC = 5, 4
L_TRUE = rng.uniform(0.0, 2.0, size=(LN, LC))
L_PRED = rng.uniform(0.0, 2.0, size=(LN, LC))
L_LOGITS = rng.normal(size=(LN, LC)) * 2
L_PROBS = softmax(L_LOGITS)
L_BIN = (rng.uniform(size=(LN, LC)) > 0.5).astype(float)
L_SPARSE = np.array([3, 0, 1, 2, 1], dtype=float)
L_WEIGHTS = np.array([1.0, 0.5, 2.0, 0.0, 1.5])
L_PROBS[0, 0] = 0.0  # exercises the clip at 1e-7


def per_sample(kind, t, p, logits=False):
    if kind == "mse": return np.mean((t - p) ** 2, -1)
    if kind == "mae": return np.mean(np.abs(t - p), -1)
    if kind == "mape": return 100 * np.mean(np.abs((t - p) / np.maximum(np.abs(t), EPS)), -1)
    if kind == "msle": return np.mean((np.log(np.maximum(p, EPS) + 1) - np.log(np.maximum(t, EPS) + 1)) ** 2, -1)
    if kind == "huber":
        e = np.abs(t - p)
        return np.mean(np.where(e <= 1.0, 0.5 * e * e, e - 0.5), -1)
    if kind == "hinge":  # Keras maps 0/1 labels to -1/1 only when every label is 0 or 1
        s = 2 * t - 1 if np.all((t == 0) | (t == 1)) else t
        return np.mean(np.maximum(1 - s * p, 0), -1)
    if kind == "binary_crossentropy":
        q = sigmoid(p) if logits else np.clip(p, EPS, 1 - EPS)
        return np.mean(-(t * np.log(q) + (1 - t) * np.log(1 - q)), -1)
    if kind == "categorical_crossentropy":
        q = softmax(p) if logits else np.clip(p / p.sum(-1, keepdims=True), EPS, 1 - EPS)
        return -np.sum(t * np.log(q), -1)
    if kind == "sparse_categorical_crossentropy":
        return per_sample("categorical_crossentropy", np.eye(p.shape[1])[t.astype(int)], p, logits)


LOSS_INPUTS = {
    "regression": (L_TRUE, L_PRED),
    "binary_probs": (L_BIN, np.clip(sigmoid(L_LOGITS), 0, 1)),
    "binary_logits": (L_BIN, L_LOGITS),
    "onehot_probs": (np.eye(LC)[L_SPARSE.astype(int)], L_PROBS),
    "onehot_logits": (np.eye(LC)[L_SPARSE.astype(int)], L_LOGITS),
    "sparse_probs": (L_SPARSE, L_PROBS),
    "sparse_logits": (L_SPARSE, L_LOGITS),
}
LOSSES = []
for kind in ["mse", "mae", "mape", "msle", "huber", "hinge"]:
    LOSSES.append(("regression", kind, False))
LOSSES.append(("binary_probs", "hinge", False))
for kind, ins in [("binary_crossentropy", "binary"), ("categorical_crossentropy", "onehot"),
                  ("sparse_categorical_crossentropy", "sparse")]:
    LOSSES.append((ins + "_probs", kind, False))
    LOSSES.append((ins + "_logits", kind, True))
loss_cases = []
for inputs, kind, logits in LOSSES:
    t, p = LOSS_INPUTS[inputs]
    ps = per_sample(kind, t, p, logits)
    loss_cases.append({"inputs": inputs, "loss": kind, "from_logits": logits, "per_sample": ps.tolist(),
                       "mean": float(ps.mean()), "weighted": float((ps * L_WEIGHTS).sum() / LN)})

# ---- metrics ------------------------------------------------------------------------------------------
M_BIN_T = [(rng.uniform(size=(8, 1)) > 0.4).astype(float) for _ in range(2)]
M_BIN_P = [np.round(rng.uniform(size=(8, 1)), 3) for _ in range(2)]
M_CAT_T = [np.eye(4)[rng.integers(0, 4, size=8)] for _ in range(2)]
M_CAT_P = [softmax(rng.normal(size=(8, 4))) for _ in range(2)]
M_W = [rng.uniform(0.2, 2.0, size=8) for _ in range(2)]


def wmean(values, weights):
    v, w = np.concatenate(values), np.concatenate(weights)
    return float((v * w).sum() / w.sum())


def confusion(ts, ps, ws, thr):
    t, p, w = np.concatenate(ts).ravel(), np.concatenate(ps).ravel(), np.concatenate(ws)
    pos = p > thr
    return (w * (pos & (t == 1))).sum(), (w * (pos & (t == 0))).sum(), (w * (~pos & (t == 1))).sum(), (w * (~pos & (t == 0))).sum()


thresholds = [-EPS] + [(i + 1) / 199 for i in range(198)] + [1 + EPS]
roc = [confusion(M_BIN_T, M_BIN_P, M_W, th) for th in thresholds]
tpr = [tp / (tp + fn) if tp + fn else 0 for tp, fp, fn, tn in roc]
fpr = [fp / (fp + tn) if fp + tn else 0 for tp, fp, fn, tn in roc]
auc = sum((fpr[k] - fpr[k + 1]) * (tpr[k] + tpr[k + 1]) / 2 for k in range(199))
tp, fp, fn, tn = confusion(M_BIN_T, M_BIN_P, M_W, 0.5)
sparse_t = [t.argmax(-1).astype(float) for t in M_CAT_T]
metrics = {
    "binary_true": [t.ravel().tolist() for t in M_BIN_T], "binary_pred": [p.ravel().tolist() for p in M_BIN_P],
    "cat_true": [t.ravel().tolist() for t in M_CAT_T], "cat_pred": [p.ravel().tolist() for p in M_CAT_P],
    "weights": [w.tolist() for w in M_W],
    "binary_accuracy": wmean([((p > 0.5) == t).astype(float).ravel() for t, p in zip(M_BIN_T, M_BIN_P)], M_W),
    "categorical_accuracy": wmean([(t.argmax(-1) == p.argmax(-1)).astype(float) for t, p in zip(M_CAT_T, M_CAT_P)], M_W),
    "sparse_categorical_accuracy": wmean([(t == p.argmax(-1)).astype(float) for t, p in zip(sparse_t, M_CAT_P)], M_W),
    "mae": wmean([np.abs(t - p).mean(-1) for t, p in zip(M_CAT_T, M_CAT_P)], M_W),
    "mse": wmean([((t - p) ** 2).mean(-1) for t, p in zip(M_CAT_T, M_CAT_P)], M_W),
    "precision": float(tp / (tp + fp)), "recall": float(tp / (tp + fn)), "auc": float(auc),
}

fixture = {
    "train": {"x": X.ravel().tolist(), "shape": [N, D, H, C], "initial": [w.ravel().tolist() for w in (W1, B1, W2, B2)],
              "y": {"mse": Y_REG.ravel().tolist(), "binary_crossentropy": Y_MULTI.ravel().tolist(),
                    "categorical_crossentropy": Y_ONEHOT.ravel().tolist(),
                    "sparse_categorical_crossentropy": Y_SPARSE.tolist()},
              "cases": [train(c) for c in TRAIN]},
    "losses": {"inputs": {k: {"true": t.ravel().tolist(), "true_shape": list(t.shape), "pred": p.ravel().tolist(),
                              "pred_shape": list(p.shape)} for k, (t, p) in LOSS_INPUTS.items()},
               "weights": L_WEIGHTS.tolist(), "cases": loss_cases},
    "metrics": metrics,
}
print(json.dumps(fixture, indent=1))
