"""Writes datasets/sklearn_cases.json with Debian's python3-sklearn (1.2.1) and numpy 1.24.

Run from this folder: /usr/bin/python3 make_sklearn_fixture.py  (apt-get install -y python3-sklearn)
Holds classification_report texts, confusion matrices and regression metrics for seeded random labels, and the
row indices train_test_split / KFold / StratifiedKFold produce (computed by splitting np.arange(n)).
"""
import json, os, warnings
import numpy as np
from sklearn.metrics import (classification_report, confusion_matrix, accuracy_score, mean_squared_error,
                             mean_absolute_error, r2_score)
from sklearn.model_selection import train_test_split, KFold, StratifiedKFold

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
SK = os.environ.get("NOTEBOOKNN_SHARED_DATASETS", "/work/shared/datasets") + "/sklearn"
rs = np.random.RandomState(5)
out = {"reports": [], "regression": [], "splits": [], "kfold": [], "stratified_kfold": []}

def report_case(y_true, y_pred, target_names=None, digits=2):
    out["reports"].append({
        "y_true": [int(v) for v in y_true], "y_pred": [int(v) for v in y_pred], "target_names": target_names,
        "digits": digits,
        "text": classification_report(y_true, y_pred, target_names=target_names, digits=digits),
        "confusion": confusion_matrix(y_true, y_pred).tolist(),
        "accuracy": accuracy_score(y_true, y_pred),
    })

y = rs.randint(0, 3, 150); p = np.where(rs.rand(150) < 0.8, y, rs.randint(0, 3, 150))
report_case(y, p)
report_case(y, p, ["setosa", "versicolor", "virginica"], digits=4)
y = rs.randint(0, 2, 569); p = np.where(rs.rand(569) < 0.93, y, 1 - y)
report_case(y, p, ["malignant", "benign"])
y = rs.randint(0, 10, 1000); p = np.where(rs.rand(1000) < 0.9, y, rs.randint(0, 10, 1000))
report_case(y, p)
report_case([0, 1, 2, 2, 0, 1, 1, 3], [0, 2, 2, 2, 0, 0, 1, 0])                   # class 3 never predicted
report_case([0, 0, 1, 1], [0, 2, 1, 1])                                           # label only in y_pred: no accuracy row
report_case([0, 1, 0, 1, 1, 0, 0, 0], [0, 1, 1, 1, 0, 0, 0, 0], ["a rather long class name", "b"], digits=3)
report_case([0, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1])                   # 0.125-style ties

for shape in [(50,), (40, 3)]:
    t = rs.randn(*shape); q = t + 0.3 * rs.randn(*shape)
    out["regression"].append({"y_true": t.tolist(), "y_pred": q.tolist(), "mse": mean_squared_error(t, q),
                              "rmse": mean_squared_error(t, q, squared=False), "mae": mean_absolute_error(t, q),
                              "r2": r2_score(t, q)})

iris_y = np.loadtxt(os.path.join(SK, "iris.csv"), delimiter=",", skiprows=1)[:, -1].astype(int)
imb = np.array([0] * 40 + [1] * 9 + [2] * 5 + [3] * 3)
rs.shuffle(imb)
for n, test_size, seed, shuffle, strat in [(150, 0.2, 42, True, None), (506, None, 0, True, None), (10, 0.3, None, False, None),
                                            (150, 0.2, 42, True, "iris"), (57, 0.25, 7, True, "imb"), (150, 0.1, 3, True, "iris")]:
    y_s = {"iris": iris_y, "imb": imb, None: None}[strat]
    tr, te = train_test_split(np.arange(n), test_size=test_size, random_state=seed, shuffle=shuffle, stratify=y_s)
    out["splits"].append({"n": n, "test_size": test_size, "random_state": seed, "shuffle": shuffle,
                          "stratify": None if y_s is None else y_s.tolist(), "train": tr.tolist(), "test": te.tolist()})

for n, k, shuffle, seed in [(23, 5, False, None), (23, 5, True, 42), (506, 4, True, 0)]:
    folds = [[a.tolist(), b.tolist()] for a, b in KFold(k, shuffle=shuffle, random_state=seed).split(np.arange(n))]
    out["kfold"].append({"n": n, "k": k, "shuffle": shuffle, "random_state": seed, "folds": folds})

for y_s, k, shuffle, seed in [(iris_y, 5, False, None), (iris_y, 5, True, 0), (imb, 3, False, None), (imb, 3, True, 11)]:
    folds = [[a.tolist(), b.tolist()] for a, b in StratifiedKFold(k, shuffle=shuffle, random_state=seed).split(np.zeros(len(y_s)), y_s)]
    out["stratified_kfold"].append({"y": y_s.tolist(), "k": k, "shuffle": shuffle, "random_state": seed, "folds": folds})

with open(os.path.join(HERE, "datasets", "sklearn_cases.json"), "w") as f:
    json.dump(out, f)
print(out["reports"][4]["text"]); print(out["reports"][5]["text"]); print(out["reports"][7]["text"])
