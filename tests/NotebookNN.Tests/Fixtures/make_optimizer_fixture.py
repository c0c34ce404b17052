"""Reference trajectories for NotebookNN's optimizers (tests/NotebookNN.Tests/Optimizers/OptimizerFixtureTests.cs).

Each rule is written here independently, in float64 numpy, from the formulas of Keras 3's optimizers
(keras/src/optimizers/{sgd,adam,adamw,rmsprop,adagrad,nadam}.py and base_optimizer.py: clipping, then
decoupled weight decay `w -= w * wd * lr`, then the update; the learning rate / schedule is evaluated at the
step count before the update). Two variables, five steps of fixed gradients; the file records the variables
after every step.  Run: /usr/bin/python3 make_optimizer_fixture.py > optimizer_fixture.json
"""
import json
import math
import numpy as np

rng = np.random.default_rng(1234)
INIT = [rng.normal(size=(2, 3)), rng.normal(size=(20,))]   # 20 elements: one 16-wide vector + scalar tail
GRADS = [[rng.normal(size=v.shape) * 1.5 for v in INIT] for _ in range(5)]
STEPS = len(GRADS)


def lr_at(cfg, step):
    s = cfg.get("schedule")
    if s is None:
        return cfg["learning_rate"]
    if s["type"] == "exponential":
        p = step / s["decay_steps"]
        if s["staircase"]:
            p = math.floor(p)
        return s["initial"] * s["decay_rate"] ** p
    for b, v in zip(s["boundaries"], s["values"]):
        if step <= b:
            return v
    return s["values"][-1]


def clip(cfg, grads):
    if "clipnorm" in cfg:
        c = cfg["clipnorm"]
        return [g * c / max(np.sqrt(np.sum(g * g)), c) for g in grads]
    if "clipvalue" in cfg:
        return [np.clip(g, -cfg["clipvalue"], cfg["clipvalue"]) for g in grads]
    if "global_clipnorm" in cfg:
        c = cfg["global_clipnorm"]
        n = np.sqrt(sum(np.sum(g * g) for g in grads))
        return [g * c / max(n, c) for g in grads]
    return grads


def run(cfg):
    kind = cfg["optimizer"]
    w = [v.copy() for v in INIT]
    zeros = lambda: [np.zeros_like(v) for v in w]
    m, v, vhat, avg = zeros(), zeros(), zeros(), zeros()
    acc = [np.full_like(x, cfg.get("initial_accumulator_value", 0.1)) for x in w]
    u_prod = 1.0
    out = []
    for step in range(STEPS):
        lr = lr_at(cfg, step)
        grads = clip(cfg, GRADS[step])
        t = step + 1
        if "weight_decay" in cfg:
            w = [x - x * cfg["weight_decay"] * lr for x in w]
        if kind == "nadam":
            b1 = cfg.get("beta_1", 0.9)
            u_t = b1 * (1 - 0.5 * 0.96 ** t)
            u_next = b1 * (1 - 0.5 * 0.96 ** (t + 1))
            u_prod = u_prod * u_t
        for i, g in enumerate(grads):
            if kind == "sgd":
                mom = cfg.get("momentum", 0.0)
                if mom == 0:
                    w[i] = w[i] - lr * g
                else:
                    m[i] = mom * m[i] - lr * g
                    w[i] = w[i] + (mom * m[i] - lr * g if cfg.get("nesterov") else m[i])
            elif kind in ("adam", "adamw"):
                b1, b2, eps = cfg.get("beta_1", 0.9), cfg.get("beta_2", 0.999), cfg.get("epsilon", 1e-7)
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                denom = v[i]
                if cfg.get("amsgrad"):
                    vhat[i] = np.maximum(vhat[i], v[i])
                    denom = vhat[i]
                alpha = lr * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
                w[i] = w[i] - alpha * m[i] / (np.sqrt(denom) + eps)
            elif kind == "rmsprop":
                rho, mom, eps = cfg.get("rho", 0.9), cfg.get("momentum", 0.0), cfg.get("epsilon", 1e-7)
                v[i] = rho * v[i] + (1 - rho) * g * g
                if cfg.get("centered"):
                    avg[i] = rho * avg[i] + (1 - rho) * g
                    denom = v[i] - avg[i] ** 2 + eps
                else:
                    denom = v[i] + eps
                inc = lr * g / np.sqrt(denom)
                if mom > 0:
                    m[i] = mom * m[i] + inc
                    w[i] = w[i] - m[i]
                else:
                    w[i] = w[i] - inc
            elif kind == "adagrad":
                acc[i] = acc[i] + g * g
                w[i] = w[i] - lr * g / np.sqrt(acc[i] + cfg.get("epsilon", 1e-7))
            elif kind == "nadam":
                b2, eps = cfg.get("beta_2", 0.999), cfg.get("epsilon", 1e-7)
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                m_hat = u_next * m[i] / (1 - u_prod * u_next) + (1 - u_t) * g / (1 - u_prod)
                v_hat = v[i] / (1 - b2 ** t)
                w[i] = w[i] - lr * m_hat / (np.sqrt(v_hat) + eps)
        out.append([x.ravel().tolist() for x in w])
    return out


CONFIGS = [
    {"name": "sgd", "optimizer": "sgd", "learning_rate": 0.1},
    {"name": "sgd_momentum", "optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.9},
    {"name": "sgd_nesterov", "optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.9, "nesterov": True},
    {"name": "sgd_clipnorm", "optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.5, "clipnorm": 1.0},
    {"name": "sgd_global_clipnorm", "optimizer": "sgd", "learning_rate": 0.1, "global_clipnorm": 2.0},
    {"name": "sgd_exponential_decay", "optimizer": "sgd",
     "schedule": {"type": "exponential", "initial": 0.1, "decay_steps": 2, "decay_rate": 0.5, "staircase": False}},
    {"name": "sgd_exponential_staircase", "optimizer": "sgd", "momentum": 0.9,
     "schedule": {"type": "exponential", "initial": 0.1, "decay_steps": 2, "decay_rate": 0.5, "staircase": True}},
    {"name": "adam", "optimizer": "adam", "learning_rate": 0.01},
    {"name": "adam_amsgrad", "optimizer": "adam", "learning_rate": 0.01, "amsgrad": True},
    {"name": "adam_clipvalue", "optimizer": "adam", "learning_rate": 0.01, "clipvalue": 0.5},
    {"name": "adam_piecewise", "optimizer": "adam",
     "schedule": {"type": "piecewise", "boundaries": [1, 3], "values": [0.05, 0.01, 0.001]}},
    {"name": "adam_weight_decay", "optimizer": "adam", "learning_rate": 0.01, "weight_decay": 0.1},
    {"name": "adamw", "optimizer": "adamw", "learning_rate": 0.01, "weight_decay": 0.004},
    {"name": "rmsprop", "optimizer": "rmsprop", "learning_rate": 0.01},
    {"name": "rmsprop_momentum", "optimizer": "rmsprop", "learning_rate": 0.01, "momentum": 0.9},
    {"name": "rmsprop_centered", "optimizer": "rmsprop", "learning_rate": 0.01, "centered": True},
    {"name": "rmsprop_centered_momentum", "optimizer": "rmsprop", "learning_rate": 0.01, "centered": True, "momentum": 0.5},
    {"name": "adagrad", "optimizer": "adagrad", "learning_rate": 0.1},
    {"name": "adagrad_zero_init", "optimizer": "adagrad", "learning_rate": 0.1, "initial_accumulator_value": 0.0},
    {"name": "nadam", "optimizer": "nadam", "learning_rate": 0.01},
    {"name": "nadam_clipnorm", "optimizer": "nadam", "learning_rate": 0.01, "clipnorm": 0.5},
]

fixture = {
    "shapes": [list(v.shape) for v in INIT],
    "initial": [v.ravel().tolist() for v in INIT],
    "grads": [[g.ravel().tolist() for g in step] for step in GRADS],
    "cases": [dict(cfg, expected=run(cfg)) for cfg in CONFIGS],
}
print(json.dumps(fixture, indent=1))
