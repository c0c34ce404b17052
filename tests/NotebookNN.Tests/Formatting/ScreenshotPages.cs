using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Callbacks;
using NotebookNN.Formatting;
using NotebookNN.Layers;
using NotebookNN.Plotting;
using NotebookNN.Display;

namespace NotebookNN.Tests.Formatting;

/// <summary>
/// Writes one HTML page per kind of notebook output (formatted through the Formatting package, plotly.js embedded)
/// for docs/images/render.sh to screenshot in headless Chromium. Pages go to <c>$NNN_PAGES_DIR</c> or a temp folder.
/// </summary>
[Collection("DisplayHook")]
public class ScreenshotPages
{
    private static string Dir => Environment.GetEnvironmentVariable("NNN_PAGES_DIR") is { Length: > 0 } d
        ? d : Path.Combine(Path.GetTempPath(), "notebooknn-pages");

    private static string Write(string name, string body)
    {
        Directory.CreateDirectory(Dir);
        string path = Path.Combine(Dir, name + ".html");
        File.WriteAllText(path, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{font-family:sans-serif;margin:16px}</style></head><body>" + body + "</body></html>");
        return path;
    }

    [Fact]
    public void Writes_a_page_for_each_kind_of_output()
    {
        var m = new Sequential(name: "mnist_mlp");
        m.Add(new Flatten(inputShape: [28, 28], name: "flatten"));
        m.Add(new Dense(128, activation: "relu", name: "dense<hidden>"));
        m.Add(new Dropout(0.2, name: "dropout"));
        m.Add(new Dense(10, activation: "softmax", name: "predictions"));
        var pages = new List<string> { Write("summary", m.Summary().ToDisplayString("text/html")) };

        var matrix = Tensor.From(Enumerable.Range(0, 20 * 16).Select(i => (float)Math.Round(Math.Sin(i * 0.37) * 3, 4)).ToArray(), new Shape(20, 16));
        pages.Add(Write("tensor", matrix.ToDisplayString("text/html")));

        var h = new History();
        h.OnTrainBegin(new Dictionary<string, double>());
        for (int e = 0; e < 15; e++)
            h.OnEpochEnd(e, new Dictionary<string, double>
            {
                ["loss"] = 0.9 * Math.Exp(-e / 4.0) + 0.05, ["accuracy"] = 0.98 - 0.4 * Math.Exp(-e / 3.0),
                ["val_loss"] = 0.85 * Math.Exp(-e / 5.0) + 0.08 + 0.004 * e, ["val_accuracy"] = 0.96 - 0.38 * Math.Exp(-e / 3.5),
            });
        // The notebook shows ChartHtml.ToHtml(h.Plot()); here plotly.js is embedded explicitly (no CDN offline, and
        // the process-wide Offline switch would race with other tests).
        Assert.Contains("newPlot(", h.ToDisplayString("text/html"));
        pages.Add(Write("history", ChartHtml.ToHtml(h.Plot(), embedPlotly: true)));

        // Synthetic 28×28 "digits": rings and bars, so the page needs no data set.
        var img = new float[12 * 28 * 28];
        for (int k = 0; k < 12; k++)
            for (int y = 0; y < 28; y++)
                for (int x = 0; x < 28; x++)
                {
                    double r = Math.Sqrt((x - 14) * (x - 14) + (y - 14) * (y - 14));
                    img[(k * 28 + y) * 28 + x] = (float)(k % 2 == 0 ? Math.Max(0, 1 - Math.Abs(r - 4 - k / 2.0) / 2) : (Math.Abs(x - 8 - k) < 2 && y > 4 && y < 24 ? 1 : 0));
                }
        var labels = Enumerable.Range(0, 12).Select(k => k % 2 == 0 ? $"ring {k / 2}" : $"bar {k / 2}").ToList();
        var images = Tensor.From(img, new Shape(12, 28, 28));
        pages.Add(Write("images", Plot.Images(images, cmap: "gray", labels: labels, columns: 6, size: 80).ToDisplayString("text/html")
            + Plot.Images(images[..6], cmap: "viridis", columns: 6, size: 80).ToDisplayString("text/html")));

        string[] classes = ["setosa", "versicolor", "virginica"];
        pages.Add(Write("heatmap", HeatmapHtml.Render(classes, new double[,] { { 16, 0, 0 }, { 0, 17, 1 }, { 0, 2, 9 } })
            + TableHtml.Render(null, ["", "precision", "recall", "f1-score", "support"],
                [["setosa", "1.00", "1.00", "1.00", "16"], ["versicolor", "0.89", "0.94", "0.92", "18"], ["virginica", "0.90", "0.82", "0.86", "11"],
                 ["accuracy", "", "", "0.93", "45"]])));

        var frames = new List<object>();
        double now = 0;
        DisplayHook.Display = v => { frames.Add(v); return frames.Add; };
        try
        {
            var logger = new ProgbarLogger(clock: () => now);
            logger.SetParams(new Dictionary<string, object> { ["verbose"] = 1, ["epochs"] = 5, ["steps"] = 1875 });
            logger.OnTrainBegin(new Dictionary<string, double>());
            for (int e = 0; e < 3; e++)
            {
                logger.OnEpochBegin(e, new Dictionary<string, double>());
                int steps = e < 2 ? 1875 : 700;
                for (int b = 0; b < steps; b++) { now += 0.002; logger.OnTrainBatchEnd(b, new Dictionary<string, double> { ["loss"] = 0.5 / (e + 1), ["accuracy"] = 0.85 + 0.04 * e }); }
                if (e < 2) logger.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = 0.5 / (e + 1), ["accuracy"] = 0.85 + 0.04 * e, ["val_loss"] = 0.45 / (e + 1), ["val_accuracy"] = 0.87 + 0.03 * e });
            }
            // the display while training (the running epoch and the last finished one), then its final state (every epoch)
            string running = ((LiveView)frames[^1]).ToDisplayString("text/html");
            logger.OnEpochEnd(2, new Dictionary<string, double> { ["loss"] = 0.17, ["accuracy"] = 0.93, ["val_loss"] = 0.15, ["val_accuracy"] = 0.93 });
            logger.OnTrainEnd(new Dictionary<string, double>());
            pages.Add(Write("progress", running + ((LiveView)frames[^1]).ToDisplayString("text/html")));
        }
        finally { DisplayHook.Display = null; }

        foreach (var p in pages) Assert.True(new FileInfo(p).Length > 500, p);
    }
}
