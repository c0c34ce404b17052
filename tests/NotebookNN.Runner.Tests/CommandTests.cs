using System.Text.Json.Nodes;

namespace NotebookNN.Runner.Tests;

/// <summary>The console command: files written (atomically), exit codes 0 / 2 / 1.</summary>
public class CommandTests
{
    [SkippableFact]
    public void A_notebook_that_runs_exits_0_and_writes_the_executed_notebook_and_the_page()
    {
        var dir = Support.TempDir();
        string input = Path.Combine(dir, "nb.ipynb"), output = Path.Combine(dir, "out.ipynb"), html = Path.Combine(dir, "page.html");
        var nb = JsonNode.Parse(FormatTests.VsCodeNotebook)!;
        nb["cells"]![1]!["metadata"]!["tags"] = new JsonArray("parameters");
        File.WriteAllText(input, nb.ToJsonString());
        Assert.Equal(0, RunnerCommand.Run([input, "-o", output, "--html", html, "-p", "n=10"]));
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(output))!["cells"]!;
        Assert.Equal(4, cells.Count);   // the injected parameters cell
        Assert.Equal("injected-parameters", cells[2]!["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal([1, 2, 3], cells.Skip(1).Select(c => c!["execution_count"]!.GetValue<int>()));
        Assert.Contains("11", cells[3]!["outputs"]![0]!["data"]!["text/html"]!.ToJsonString());
        Assert.Contains("<h1>Title</h1>", File.ReadAllText(html));
        Support.ValidateWithNbformat(output);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_failing_cell_exits_2_with_the_notebook_written_and_bad_usage_exits_1()
    {
        var dir = Support.TempDir();
        string input = Path.Combine(dir, "fail.dib"), output = Path.Combine(dir, "out.ipynb");
        File.WriteAllText(input, "#!csharp\n\nvar ok = 1;\n\n#!csharp\n\nthrow new ArgumentException(\"boom\");\n\n#!csharp\n\nok\n");
        var (code, error) = Support.CaptureError(() => RunnerCommand.Run([input, "-o", output]));
        Assert.Equal(2, code);
        Assert.Contains("fail.dib: cell 2 failed: ArgumentException: boom", error);
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(output))!["cells"]!;
        Assert.Equal("boom", cells[1]!["outputs"]![0]!["evalue"]!.GetValue<string>());
        Assert.Empty((JsonArray)cells[2]!["outputs"]!);
        Assert.Null(cells[2]!["execution_count"]);
        Assert.Equal(1, RunnerCommand.Run([Path.Combine(dir, "missing.ipynb")]));
        Assert.Equal(1, RunnerCommand.Run([input, "-p", "novalue"]));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_cell_over_the_timeout_exits_2_naming_the_limit()
    {
        var dir = Support.TempDir();
        string input = Path.Combine(dir, "slow.dib"), output = Path.Combine(dir, "out.ipynb");
        File.WriteAllText(input, "#!csharp\n\nConsole.WriteLine(\"working\");\nSystem.Threading.Thread.Sleep(20_000);\n");
        var (code, error) = Support.CaptureError(() => RunnerCommand.Run([input, "-o", output, "--timeout", "0.5"]));
        Assert.Equal(2, code);
        Assert.Contains("cell 1 failed: TimeoutException: Cell 1 did not finish within 0.5 s (--timeout); it was cancelled.", error);
        var outputs = (JsonArray)JsonNode.Parse(File.ReadAllText(output))!["cells"]![0]!["outputs"]!;
        Assert.Equal("TimeoutException", outputs[^1]!["ename"]!.GetValue<string>());
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_notebook_that_cannot_be_read_or_written_exits_1_with_a_message_and_nothing_is_written()
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
        Assert.Contains("--source expects a folder of .nupkg files; 'no-such-folder' is no folder.", Support.CaptureError(() => RunnerCommand.Run([good, "--source", "no-such-folder"])).Error);
        Assert.Equal(0, RunnerCommand.Run([good, "-o", output]));
        Assert.Equal(new[] { "good.dib", "nb.txt", "nocells.ipynb", "out.ipynb", "truncated.ipynb" }, Directory.GetFiles(dir).Select(Path.GetFileName).Order()); // no temporary file left
        Directory.Delete(dir, true);
    }

    [Fact]
    public void AtomicFile_replaces_a_file_whole_and_leaves_no_temporary_file()
    {
        var dir = Support.TempDir();
        var path = Path.Combine(dir, "sub", "page.html");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(["page.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        Directory.Delete(dir, true);
    }
}
