using System.Text.Json.Nodes;

namespace NotebookNN.Runner.Tests;

/// <summary>Cells in one session: state, return values, display, live updates, streams and errors.</summary>
public class SessionTests
{
    [Fact]
    public void State_carries_from_cell_to_cell_and_the_last_expression_is_the_result()
    {
        var nb = Support.Cells("var a = 20;", "int Twice(int v) => 2 * v;\nclass Box { public int V; }", "new Box { V = Twice(a) + 2 }.V", "a = 5;");
        var result = new NotebookExecutor().Run(nb);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([1, 2, 3, 4], nb.Cells.Select(c => c.ExecutionCount!.Value));
        var r = Assert.Single(nb.Cells[2].Outputs);
        Assert.Equal("execute_result", Support.OutputType(r));
        Assert.Equal(3, r["execution_count"]!.GetValue<int>());
        Assert.Equal("42", Support.Plain(r));
        Assert.Contains("42", Support.Text(r["data"]!["text/html"]));
        Assert.Empty(nb.Cells[3].Outputs);   // a statement has no result
    }

    [Fact]
    public void Display_and_streams_appear_in_order_and_live_updates_keep_only_the_final_value()
    {
        var nb = Support.Cells("""
            Console.WriteLine("one");
            Console.Write("two\n");
            display("shown");
            Console.Error.WriteLine("warn");
            var live = Microsoft.DotNet.Interactive.Kernel.display("step 0", "text/html");
            for (int i = 1; i <= 3; i++) live.Update($"step {i}");
            Console.WriteLine("progress 1\rprogress 2");
            """);
        Assert.True(new NotebookExecutor().Run(nb).Succeeded);
        var outs = nb.Cells[0].Outputs;
        Assert.Equal(["stream", "display_data", "stream", "display_data", "stream"], outs.Select(Support.OutputType));
        Assert.Equal("one\ntwo\n", Support.Text(outs[0]["text"]));
        Assert.Equal("shown", Support.Plain(outs[1]));
        Assert.Equal("stderr", outs[2]["name"]!.GetValue<string>());
        Assert.Equal("step 3", Support.Plain(outs[3]));
        Assert.Equal("progress 2\n", Support.Text(outs[4]["text"]));
    }

    [Fact]
    public void A_runtime_exception_is_an_error_output_and_stops_the_run()
    {
        var nb = Support.Cells("Console.WriteLine(\"before\");", "void Fail() => throw new InvalidOperationException(\"bad state\");\nFail();", "Console.WriteLine(\"never\");");
        var result = new NotebookExecutor().Run(nb);
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.FailedCell);
        Assert.Contains("bad state", result.Error);
        var err = nb.Cells[1].Outputs.Single(o => Support.OutputType(o) == "error");
        Assert.Equal("InvalidOperationException", err["ename"]!.GetValue<string>());
        Assert.Equal("bad state", err["evalue"]!.GetValue<string>());
        Assert.Contains(((JsonArray)err["traceback"]!).Select(l => l!.GetValue<string>()), l => l.Contains("Fail"));
        Assert.Null(nb.Cells[2].ExecutionCount);
        Assert.Empty(nb.Cells[2].Outputs);
    }

    [Fact]
    public void A_compilation_error_names_the_diagnostic()
    {
        var nb = Support.Cells("int x = \"text\";");
        var result = new NotebookExecutor().Run(nb);
        Assert.False(result.Succeeded);
        var err = Assert.Single(nb.Cells[0].Outputs);
        Assert.Equal("CompilationError", err["ename"]!.GetValue<string>());
        Assert.Contains("CS0029", err["evalue"]!.GetValue<string>());
    }

    [Fact]
    public void A_cell_in_another_language_fails_clearly_and_markdown_is_untouched()
    {
        var nb = Support.Cells("# md Some **text**", "1 + 1");
        nb.Cells.Add(new NotebookCell { Language = "fsharp", Source = "let x = 1" });
        var result = new NotebookExecutor().Run(nb);
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.FailedCell);
        Assert.Contains("'fsharp'", result.Error);
        Assert.Contains("C# cells only", result.Error);
        Assert.Equal("Some **text**", nb.Cells[0].Source);
        Assert.Null(nb.Cells[0].ExecutionCount);
        Assert.Equal("2", Support.Plain(nb.Cells[1].Outputs[0]));
    }

    [Fact]
    public void A_cell_over_the_timeout_fails()
    {
        var nb = Support.Cells("System.Threading.Thread.Sleep(3000);");
        var result = new NotebookExecutor { CellTimeout = TimeSpan.FromMilliseconds(200) }.Run(nb);
        Assert.False(result.Succeeded);
        Assert.Equal("TimeoutException", nb.Cells[0].Outputs.Single()["ename"]!.GetValue<string>());
    }
}
