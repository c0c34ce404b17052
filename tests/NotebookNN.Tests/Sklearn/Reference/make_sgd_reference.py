"""Writes sgd_reference.json with Debian's python3-sklearn 1.2.1 (numpy 1.24, scipy 1.10).

Run from this folder: /usr/bin/python3 make_sgd_reference.py  (apt-get install -y python3-sklearn)
Inputs are float32 exactly as the C# tests build them (pixels / 255 in float32, features / column max in float32),
so both sides train on the same float64 values. Holds SGDClassifier's coef_, intercept_, n_iter_, its predictions and
the ConvergenceWarning, cross_validate's test scores, GridSearchCV's / RandomizedSearchCV's cv_results_, and the
settings ParameterSampler draws for the Keras tutorial's distributions.
"""
import gzip, json, os, warnings
import numpy as np
from scipy.stats import reciprocal, loguniform
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import cross_validate, GridSearchCV, RandomizedSearchCV, ParameterSampler

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("NOTEBOOKNN_SHARED_DATASETS", "/work/shared/datasets")


def csv(name):
    rows = np.loadtxt(os.path.join(SHARED, "sklearn", name), delimiter=",", skiprows=1)
    return rows[:, :-1].astype(np.float32), rows[:, -1].astype(np.int64)


def by_column_max(x):
    return x / x.max(axis=0)  # float32 / float32


def mnist(n):
    with gzip.open(os.path.join(SHARED, "mnist-t10k/t10k-images-idx3-ubyte.gz")) as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)[:n]
    with gzip.open(os.path.join(SHARED, "mnist-t10k/t10k-labels-idx1-ubyte.gz")) as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8)[:n]
    return x.astype(np.float32) / np.float32(255), y.astype(np.int64)


DATA = {
    "iris": csv("iris.csv"),
    "breast_cancer": (by_column_max(csv("breast_cancer.csv")[0]), csv("breast_cancer.csv")[1]),
    "digits": (np.loadtxt(gzip.open(os.path.join(SHARED, "sklearn/digits.csv.gz")), delimiter=",")[:, :-1].astype(np.float32) / np.float32(16),
               np.loadtxt(gzip.open(os.path.join(SHARED, "sklearn/digits.csv.gz")), delimiter=",")[:, -1].astype(np.int64)),
    "mnist2000": mnist(2000),
}


def fit_case(data, **params):
    x, y = DATA[data]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clf = SGDClassifier(**params).fit(x, y)
    return {
        "data": data, "params": params, "coef": clf.coef_.tolist(), "intercept": clf.intercept_.tolist(), "n_iter": int(clf.n_iter_),
        "converged": not any(issubclass(w.category, ConvergenceWarning) for w in caught),
        "predict": clf.predict(x).tolist(), "score": clf.score(x, y),
    }


out = {"fits": [
    fit_case("mnist2000", loss="log_loss", max_iter=20, random_state=42),
    fit_case("digits", loss="log_loss", max_iter=20, random_state=42),
    fit_case("digits", random_state=7),
    fit_case("iris", random_state=0),
    fit_case("iris", loss="squared_hinge", learning_rate="invscaling", eta0=0.01, random_state=3),
    fit_case("breast_cancer", loss="modified_huber", random_state=1),
    fit_case("breast_cancer", loss="perceptron", learning_rate="constant", eta0=0.5, penalty=None, random_state=5),
    fit_case("breast_cancer", loss="log_loss", learning_rate="adaptive", eta0=0.1, random_state=9),
]}

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    x, y = DATA["digits"]
    cv = cross_validate(SGDClassifier(loss="log_loss", max_iter=20, random_state=42), x, y, n_jobs=-1)
    out["cross_validate"] = {"data": "digits", "test_score": cv["test_score"].tolist(), "mean": float(np.mean(cv["test_score"]))}

    def search_result(s):
        r = s.cv_results_
        return {"params": [{k: (v if not isinstance(v, np.generic) else v.item()) for k, v in p.items()} for p in r["params"]],
                "mean_test_score": r["mean_test_score"].tolist(), "std_test_score": r["std_test_score"].tolist(),
                "rank_test_score": r["rank_test_score"].tolist(),
                "split_test_scores": [r[f"split{i}_test_score"].tolist() for i in range(s.n_splits_)],
                "best_params": {k: (v if not isinstance(v, np.generic) else v.item()) for k, v in s.best_params_.items()},
                "best_score": s.best_score_, "best_index": int(s.best_index_)}

    x, y = DATA["iris"]
    grid = GridSearchCV(SGDClassifier(random_state=0), {"alpha": [1e-4, 1e-3, 1e-2], "loss": ["hinge", "log_loss"]}, cv=3).fit(x, y)
    out["grid_search"] = {"data": "iris", **search_result(grid)}
    x, y = DATA["digits"]
    rnd = RandomizedSearchCV(SGDClassifier(max_iter=20, random_state=42),
                             {"alpha": loguniform(1e-5, 1e-1), "loss": ["hinge", "log_loss", "modified_huber"]},
                             n_iter=5, cv=3, random_state=42).fit(x, y)
    out["randomized_search"] = {"data": "digits", **search_result(rnd)}

# The Keras tutorial's distributions: which settings ParameterSampler draws (ints stay ints).
tutorial = {"n_hidden": [0, 1, 2, 3], "n_neurons": np.arange(1, 100), "learning_rate": reciprocal(3e-4, 3e-2)}
out["sampler_tutorial"] = [{k: (v.item() if isinstance(v, np.generic) else v) for k, v in p.items()}
                           for p in ParameterSampler(tutorial, n_iter=10, random_state=42)]
# All lists: sampled without replacement from the grid (three regimes of sample_without_replacement).
lists = {"a": [1, 2, 3], "b": ["x", "y"], "c": [0.5, 1.5, 2.5, 3.5]}
out["sampler_lists"] = {str(n): [{k: (v.item() if isinstance(v, np.generic) else v) for k, v in p.items()}
                                 for p in ParameterSampler(lists, n_iter=n, random_state=3)] for n in (2, 10, 24)}

with open(os.path.join(HERE, "sgd_reference.json"), "w") as f:
    json.dump(out, f)
print("fits:", [(c["data"], c["n_iter"], c["converged"], round(c["score"], 4)) for c in out["fits"]])
print("cv mean", out["cross_validate"]["mean"], "grid best", out["grid_search"]["best_params"], "random best", out["randomized_search"]["best_params"])
