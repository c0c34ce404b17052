#!/usr/bin/env python3
"""Writes a Polyglot Notebooks .ipynb (kernelspec .net-csharp) from a list of ("md"|"cs"|"params", source) cells.
Used by the notebook scripts in this folder: `python3 make_notebook.py` rebuilds every notebook from notebooks/src/*.py."""
import json, os, runpy, sys

def lines(text):
    out = text.split("\n")
    return [l + "\n" for l in out[:-1]] + ([out[-1]] if out[-1] else [])

def write(path, cells):
    nb = {"cells": [], "nbformat": 4, "nbformat_minor": 5, "metadata": {
        "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
        "language_info": {"name": "polyglot-notebook"},
        "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}}}
    for i, (kind, src) in enumerate(cells):
        src = src.strip("\n")
        if kind == "md":
            nb["cells"].append({"cell_type": "markdown", "id": f"cell-{i + 1}", "metadata": {}, "source": lines(src)})
        else:
            meta = {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}}
            if kind == "params": meta["tags"] = ["parameters"]
            nb["cells"].append({"cell_type": "code", "execution_count": None, "id": f"cell-{i + 1}", "metadata": meta, "outputs": [], "source": lines(src)})
    with open(path, "w") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(os.path.join(here, "src"))):
        if name.endswith(".py"):
            cells = runpy.run_path(os.path.join(here, "src", name))["CELLS"]
            write(os.path.join(here, name[:-3] + ".ipynb"), cells)
            print("wrote", name[:-3] + ".ipynb")
