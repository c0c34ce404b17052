"""matplotlib's reading of plot format strings, for PlotFormatTests (Plotting/PlotFormat.cs).

Run with /usr/bin/python3 (Debian's python3-matplotlib, 3.6.3) to regenerate plot_formats.json:
    /usr/bin/python3 make_plot_formats.py > plot_formats.json
Each case: the format string and either matplotlib's (linestyle, marker, color as hex or null) after
Axes.plot's defaults (a format with neither line style nor marker draws a solid line; 'None' is no line or marker),
or the ValueError's message. Also the line colours of plot calls mixing format colours with the default cycle.
"""
import json
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import matplotlib.colors as mc

FORMATS = ["bo", "b", "r--", "g^:", "C1-.", "k", "", "o", "--", "#ff7f0e", "red", "ro-", "-.", ":", "ks",
           "m*", "c+", "yx", "wD", "bd", "gp", "rh", "bv", "b<", "b>", "b.", "C0", "C9o", "--b", "o--r",
           "bq", "bog", "b--:", "ox", "C", "Q", "b;"]

cases = []
for fmt in FORMATS:
    fig, ax = plt.subplots()
    try:
        line, = ax.plot([1, 2, 3], fmt)
        ls, marker = line.get_linestyle(), line.get_marker()
        cases.append({"fmt": fmt, "linestyle": ls, "marker": marker, "color": mc.to_hex(line.get_color())})
    except ValueError as e:
        cases.append({"fmt": fmt, "error": str(e)})
    plt.close(fig)

fig, ax = plt.subplots()
cycle = [mc.to_hex(ax.plot([1, 2], f)[0].get_color()) for f in ["bo", "", "r", ""]]
print(json.dumps({"matplotlib": matplotlib.__version__, "cases": cases, "cycle_after": {"fmts": ["bo", "", "r", ""], "colors": cycle}}, indent=1))
