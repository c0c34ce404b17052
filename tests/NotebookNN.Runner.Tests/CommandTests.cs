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
}
