#!/usr/bin/env python3
"""Checks executed notebooks (artifacts/notebooks/*.ipynb): valid nbformat 4, every code cell executed without an
error, and the outputs that matter per notebook (see EXPECT).
usage: check.py <folder of executed notebooks> [--pack <folder with the NotebookNN .nupkg the notebooks referenced>]
Written by NotebookNN.Runner or by dotnet-repl (notebooks/repl-run). dotnet-repl's shapes: no execution counts (a cell
that ran has dotnet_repl_cellExecutionEndTime in its metadata), no cell ids, every display update appended as an
output of its own, and a cell's standard output as one stream output at its end. With --pack, the kernel must report
the package version found there as the NotebookNN it installed (so it did not reuse an older build from its cache)."""
import argparse, glob, os, re, sys, warnings
import nbformat

# name -> list of (description, predicate over the whole notebook's output text)
EXPECT = {
    "01-keras-intro-fashion-mnist": [
        ("summary with 266,610 parameters", lambda t: "Total params: 266,610" in t),
        ("a training-curve chart", lambda t: "newPlot(" in t),
        ("an image grid", lambda t: t.count("data:image/png;base64") >= 40),
        ("test accuracy above 0.60 on the real (MNIST stand-in) data",
         lambda t: (m := re.search(r"test accuracy: ([0-9.]+)", t)) is not None and float(m.group(1)) > 0.60),
    ],
    "02-first-steps-mnist": [
        ("summary with 407,050 parameters", lambda t: "Total params: 407,050" in t),
        ("the digit and the image grid", lambda t: t.count("data:image/png;base64") >= 11),
        ("test accuracy above 0.85 on the real MNIST digits",
         lambda t: (m := re.search(r"test accuracy: ([0-9.]+)", t)) is not None and float(m.group(1)) > 0.85),
    ],
    "03-regression-and-classification": [
        ("Boston validation RMSE below 6.5 (both styles and with a Normalization layer)", lambda t: all((v := value(p, t)) is not None and v < 6.5
            for p in (r"Sequential linear regression: validation RMSE", r"functional linear regression: validation RMSE",
                      r"Normalization layer linear regression: validation RMSE"))),
        ("a Normalization layer's statistics as non-trainable weights", lambda t: "Non-trainable params: 27" in t),
        ("breast-cancer accuracy above 0.90 (both styles)", lambda t: all((v := value(p, t)) is not None and v > 0.90
            for p in (r"breast cancer \(Sequential\) accuracy:", r"breast cancer \(functional\) accuracy:"))),
        ("iris accuracy above 0.85 (both styles)", lambda t: all((v := value(p, t)) is not None and v > 0.85
            for p in (r"iris \(Sequential\) accuracy:", r"iris \(functional\) accuracy:"))),
        ("classification reports", lambda t: t.count("precision") >= 2),
        ("training curves", lambda t: "newPlot(" in t),
    ],
    "04-fashion-mnist-optimizers": [
        ("a grid of 30 samples", lambda t: t.count("data:image/png;base64") >= 30),
        ("a cross-validated baseline above 0.40", lambda t: (v := value("cross-validated accuracy:", t)) is not None and v > 0.40),
        ("scikit-learn's SGDClassifier baseline above 0.80 on the real digits, its scores as a table",
         lambda t: (v := value("SGDClassifier cross-validated accuracy:", t)) is not None and v > 0.80 and "<th>test_score</th>" in t),
        ("training curves", lambda t: "newPlot(" in t),
        ("all five optimizers, Adam above 0.80 on the real (MNIST stand-in) data",
         lambda t: all(value(n + r" +test accuracy:", t) is not None for n in ("sgd", "momentum", "nesterov", "adagrad"))
                   and (v := value(r"adam +test accuracy:", t)) is not None and v > 0.80),
    ],
    "05-imdb-reuters-boston": [
        ("IMDB and Reuters trained and evaluated (fixture data: no accuracy threshold)",
         lambda t: value("IMDB test accuracy:", t) is not None and value(r"Reuters \(sparse labels\) test accuracy:", t) is not None),
        ("loss/accuracy curves", lambda t: t.count("newPlot(") >= 2),
        ("Boston K-fold MAE below 4.0 on the real data", lambda t: (v := value("K-fold mean MAE:", t)) is not None and v < 4.0),
        ("Boston test MAE below 4.5 on the real data", lambda t: (v := value("Boston test MAE:", t)) is not None and v < 4.5),
    ],
    "06-keras-intro-california-wide-deep": [
        ("MLP and Wide & Deep evaluated (synthetic stand-in data: no threshold)",
         lambda t: value("MLP test MSE:", t) is not None and value("Wide & Deep test MSE:", t) is not None),
        ("functional summaries with connections", lambda t: "Connected to" in t and "main_output" in t and "aux_output" in t),
        ("the subclassed model trained with two outputs", lambda t: value("subclassed: loss", t) is not None),
        ("the tuner's results and best hyperparameters", lambda t: "<th>val_loss</th>" in t
            and re.search(r"<th class=\"l\">n_hidden</th><td>\d</td><td[^>]*>Int \[0, 3\]</td>", t) is not None
            and "learning_rate: " in t),
        ("RandomizedSearchCV over build_model: best parameters as a table of values, the results table",
         lambda t: re.search(r"best score \(negated MSE\): -?[0-9.]+", t) is not None
            and "<th>parameter</th><th>value</th>" in t and re.search(r"<th class=\"l\">n_neurons</th><td>\d+</td>", t) is not None
            and "<th>rank_test_score</th>" in t),
    ],
    "07-cifar10-mlp": [
        ("summary with 1,707,274 parameters", lambda t: "Total params: 1,707,274" in t),
        ("sample and prediction grids", lambda t: t.count("data:image/png;base64") >= 30),
        ("training curves", lambda t: "newPlot(" in t),
        ("test accuracy above 0.50 on the stand-in (tinted real MNIST digits)",
         lambda t: (v := value("test accuracy:", t)) is not None and v > 0.50),
        ("the photo from images/ship.jpg loaded at 32x32, classified and shown with its class",
         lambda t: (m := re.search(r"<PIL\.Image\.Image image mode=RGB size=32x32>: predicted (\w+) with probability", t)) is not None
            and f"predicted: {m.group(1)}" in t),
    ],
    "08-fashion-mnist-cnn": [
        ("summary with 333,526 parameters", lambda t: "Total params: 333,526" in t),
        ("the model's graph with the shapes", lambda t: 'class="nnn-model-plot"' in t and "conv2d (Conv2D)" in t
            and "Output shape: (None, 28, 28, 32)" in t and "Output shape: (None, 7, 7, 64)" in t),
        ("training curves", lambda t: "newPlot(" in t),
        ("test accuracy of the checkpointed model above 0.80 on the real (MNIST stand-in) digits",
         lambda t: (v := value("test accuracy:", t)) is not None and v > 0.80),
        ("32 filters and 32 + 64 feature maps as image grids",
         lambda t: "kernel (3, 3, 1, 32)" in t and "first layer's feature maps (28, 28, 32)" in t
            and "second layer's feature maps (14, 14, 64)" in t and t.count("data:image/png;base64") >= 32 + 32 + 64),
    ],
}

def value(pattern, t):
    m = re.search(pattern + r" ([0-9.]+)", t)
    return float(m.group(1)) if m else None

def output_text(nb):
    parts = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            parts.append(o.get("text", "") if o.output_type == "stream" else "")
            for v in o.get("data", {}).values():
                parts.append(v if isinstance(v, str) else "".join(v))
    return "\n".join(parts)

def ran(cell):
    return cell.get("execution_count") is not None or "dotnet_repl_cellExecutionEndTime" in cell.metadata

def packed_version(folder):
    names = [n for n in os.listdir(folder) if re.fullmatch(r"NotebookNN\.\d+(\.\d+)*\.nupkg", n)]
    if len(names) != 1:
        sys.exit(f"--pack {folder}: expected one NotebookNN .nupkg, found {names}")
    return names[0][len("NotebookNN."):-len(".nupkg")]

def errors(cells):
    for i, c in enumerate(cells):
        for o in c.get("outputs", []):
            if o.output_type == "error":
                first = (o.get("evalue") or "").strip().split("\n")[0][:160]
                yield f"cell {i + 1} ({c.source.strip().splitlines()[0][:40]!r}): {first}"

ap = argparse.ArgumentParser()
ap.add_argument("folder"); ap.add_argument("--pack")
args = ap.parse_args()
version = packed_version(args.pack) if args.pack else None
failed = 0
for path in sorted(glob.glob(os.path.join(args.folder, "*.ipynb"))):
    name = os.path.basename(path)[:-6]
    problems = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nbformat.warnings.MissingIDFieldWarning)  # dotnet-repl writes no cell ids
        nb = nbformat.read(path, as_version=4)
        try:
            nbformat.validate(nb)
        except nbformat.ValidationError as e:
            problems.append(f"invalid nbformat: {e.message}")
    if nb.metadata.get("kernelspec", {}).get("name") != ".net-csharp":
        problems.append("kernelspec is not .net-csharp")
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not all(ran(c) for c in code):
        problems.append("not every code cell ran")
    problems += [f"an error output in {e}" for e in errors(nb.cells)]
    text = output_text(nb)
    if version and not re.search(r"Installed Packages.*?NotebookNN, " + re.escape(version) + r"\b", text, re.S):
        installed = re.findall(r"NotebookNN, [0-9.]+", text)
        problems.append(f"the kernel did not install the packed NotebookNN {version} (it reports {installed or 'none'})")
    for desc, ok in EXPECT.get(name, []):
        if not ok(text):
            problems.append(f"missing: {desc}")
    print(f"notebook {name}: " + ("ok" if not problems else "FAILED: " + "; ".join(problems)))
    failed += bool(problems)
sys.exit(1 if failed else 0)
