#!/usr/bin/env python3
"""Makes a papermill-style copy of a Polyglot (C#) notebook for a headless run:
  - a first cell `#i "nuget: <folder>"` for each --source folder, so the notebook's `#r "nuget: NotebookNN"` resolves
    the package packed there (NuGet picks the highest version, which is the fresh pack: see Version.targets);
  - after the cell tagged `parameters`, a cell tagged `injected-parameters` declaring each -p name=value again with
    the type the parameters cell gives it (`var quick = true;`), as papermill does for Python: true/false and numbers
    as C# literals, anything else as a C# string.
usage: inject.py <notebook.ipynb> <copy.ipynb> [--source <folder>]... [-p name=value]..."""
import argparse, json, os, re, sys
import nbformat

def literal(value):
    if value in ("true", "false") or re.fullmatch(r"-?\d+(\.\d+)?([eE]-?\d+)?[fFdDmM]?", value):
        return value
    return json.dumps(value)  # a JSON string is a valid C# string literal for ordinary text

def code_cell(source, tags=()):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["polyglot_notebook"] = {"kernelName": "csharp"}
    cell.metadata["dotnet_interactive"] = {"language": "csharp"}
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell

def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("notebook"); ap.add_argument("copy")
    ap.add_argument("--source", action="append", default=[], help="a folder of .nupkg files")
    ap.add_argument("-p", dest="parameters", action="append", default=[], metavar="name=value")
    a = ap.parse_args(argv)
    nb = nbformat.read(a.notebook, as_version=4)
    at = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), None)
    if a.parameters and at is None:
        ap.error(f"{a.notebook} has no cell tagged 'parameters' to put -p values after")
    params = []
    for p in a.parameters:
        name, sep, value = p.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
            ap.error(f"-p expects name=value, got {p!r}")
        declared = re.search(r"([\w.<>\[\],?]+)\s+" + name + r"\s*=", nb.cells[at].source)
        params.append(f"{declared.group(1) if declared else 'var'} {name} = {literal(value)};")
    if params:
        nb.cells.insert(at + 1, code_cell("\n".join(params), ["injected-parameters"]))
    if a.source:
        nb.cells.insert(0, code_cell("\n".join(f'#i "nuget: {os.path.abspath(s)}"' for s in a.source)))
    nbformat.validate(nb)
    nbformat.write(nb, a.copy)

if __name__ == "__main__":
    main(sys.argv[1:])
