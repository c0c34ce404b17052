using System.Text.Json.Nodes;

namespace NotebookNN.Runner.Tests;

/// <summary>The console command: files written, exit codes 0 / 2 / 1.</summary>
public class CommandTests
{
    [Fact]
    public void A_notebook_that_runs_exits_0_and_writes_the_executed_notebook_and_the_page()
    {
        var dir = Support.TempDir();
        string input = Path.Combine(dir, "nb.ipynb"), output = Path.Combine(dir, "out.ipynb"), html = Path.Combine(dir, "page.html");
        var nb = JsonNode.Parse(FormatTests.VsCodeNotebook)!;
        nb["cells"]![1]!["metadata"]!["tags"] = new JsonArray("parameters");
        File.WriteAllText(input, nb.ToJsonString());
        Assert.Equal(0, RunnerCommand.Run([input, "-o", output, "--html", html, "-p", "n=10"]));
        var written = JsonNode.Parse(File.ReadAllText(output))!;
        var cells = (JsonArray)written["cells"]!;
        Assert.Equal(4, cells.Count);   // the injected parameters cell
        Assert.Equal("11", Support.Plain((JsonObject)cells[3]!["outputs"]![0]!));
        Assert.Contains("<h1>Title</h1>", File.ReadAllText(html));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_failing_cell_exits_2_and_bad_usage_exits_1()
    {
        var dir = Support.TempDir();
        string input = Path.Combine(dir, "fail.dib"), output = Path.Combine(dir, "out.ipynb");
        File.WriteAllText(input, "#!csharp\n\nvar ok = 1;\n\n#!csharp\n\nthrow new ArgumentException(\"boom\");\n");
        Assert.Equal(2, RunnerCommand.Run([input, "-o", output]));
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(output))!["cells"]!;
        Assert.Equal("boom", cells[1]!["outputs"]![0]!["evalue"]!.GetValue<string>());
        Assert.Equal(1, RunnerCommand.Run([Path.Combine(dir, "missing.ipynb")]));
        Assert.Equal(1, RunnerCommand.Run([input, "-p", "novalue"]));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_notebook_that_cannot_be_read_or_written_exits_1_with_a_message()
    {
        var dir = Support.TempDir();
        string truncated = Path.Combine(dir, "truncated.ipynb"), noCells = Path.Combine(dir, "nocells.ipynb"), text = Path.Combine(dir, "nb.txt");
        string good = Path.Combine(dir, "good.dib"), output = Path.Combine(dir, "out.ipynb");
        File.WriteAllText(truncated, "{\"cells\": [");
        File.WriteAllText(noCells, "{\"cells\": 5}");
        File.WriteAllText(text, "#!csharp\n1");
        File.WriteAllText(good, "#!csharp\n\n1 + 1\n");
        File.WriteAllText(output, "the previous run's notebook");
        var (code, error) = Support.CaptureError(() => RunnerCommand.Run([truncated, "-o", output]));
        Assert.Equal(1, code);
        Assert.StartsWith($"Could not run '{truncated}': ", error);
        Assert.Equal("the previous run's notebook", File.ReadAllText(output)); // nothing written over it
        Assert.Contains("no \"cells\" list (nbformat 4); received number", Support.CaptureError(() => RunnerCommand.Run([noCells])).Error);
        Assert.Contains("Expected a .ipynb or .dib notebook, received '.txt'", Support.CaptureError(() => RunnerCommand.Run([text])).Error);
        Assert.Contains("-o expects a .ipynb path", Support.CaptureError(() => RunnerCommand.Run([good, "-o", Path.Combine(dir, "out.dib")])).Error);
        Assert.Contains("--timeout expects a positive number of seconds; received 'soon'", Support.CaptureError(() => RunnerCommand.Run([good, "--timeout", "soon"])).Error);
        Assert.Equal(0, RunnerCommand.Run([good, "-o", output]));
        Assert.Equal(new[] { "good.dib", "nb.txt", "nocells.ipynb", "out.ipynb", "truncated.ipynb" }, Directory.GetFiles(dir).Select(Path.GetFileName).Order()); // no temporary file left
        Directory.Delete(dir, true);
    }
}
