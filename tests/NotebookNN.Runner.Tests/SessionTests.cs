using Microsoft.DotNet.Interactive.Documents;

namespace NotebookNN.Runner.Tests;

/// <summary>Cells run through the released kernel: state, return values, displays, live updates, streams, errors, timeouts.</summary>
public class SessionTests
{
    [Fact]
    public async Task State_carries_from_cell_to_cell_and_the_last_expression_is_the_result()
    {
        var nb = Support.Cells("var a = 20;", "int Twice(int v) => 2 * v;\nclass Box { public int V; }", "new Box { V = Twice(a) + 2 }.V", "a = 5;", "\"text\"");
        var result = await Support.RunAsync(nb);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([1, 2, 3, 4, 5], nb.Elements.Select(c => c.ExecutionOrder));
        var r = Assert.IsType<ReturnValueElement>(Assert.Single(nb.Elements[2].Outputs));
        Assert.Equal(3, r.ExecutionOrder);
        Assert.Contains("<pre>42</pre>", Support.Html(r));   // the kernel formats an int as HTML only
        Assert.Empty(nb.Elements[3].Outputs);   // a statement has no result
        Assert.Equal("text", Support.Plain(Assert.Single(nb.Elements[4].Outputs)));   // strings as plain text, as in Polyglot Notebooks
    }

    [Fact]
    public async Task Streams_and_displays_appear_in_order_with_one_output_per_display_id()
    {
        var nb = Support.Cells("""
            using Microsoft.DotNet.Interactive;
            Console.WriteLine("one");
            Console.Write("two\n");
            display("shown");
            Console.Error.WriteLine("warn");
            var live = KernelInvocationContextExtensions.Display(KernelInvocationContext.Current, "step 0", "text/plain");
            for (int i = 1; i <= 3; i++) live.Update($"step {i}");
            Console.WriteLine("progress 1\rprogress 2");
            display("last");
            live
            """);
        var result = await Support.RunAsync(nb);
        Assert.True(result.Succeeded, result.Error);
        var outs = nb.Elements[0].Outputs;
        Assert.Equal([typeof(TextElement), typeof(DisplayElement), typeof(TextElement), typeof(DisplayElement), typeof(TextElement), typeof(DisplayElement)],
            outs.Select(o => o.GetType()));   // no execute_result: the cell's value is the DisplayedValue, already shown
        Assert.Equal("one\ntwo\n", ((TextElement)outs[0]).Text);
        Assert.Equal("shown", Support.Plain(outs[1]));
        Assert.Equal(("stderr", "warn\n"), (((TextElement)outs[2]).Name, ((TextElement)outs[2]).Text));
        var progress = (DisplayElement)outs[3];
        Assert.Equal("step 3", Support.Plain(progress));   // updated in place, at the position of the first display
        Assert.Matches("^[0-9a-f-]{36}$", (string)progress.Metadata["display_id"]);
        Assert.Equal("progress 2\n", ((TextElement)outs[4]).Text);
        Assert.Equal("last", Support.Plain(outs[5]));
    }

    [Fact]
    public async Task An_update_of_a_display_the_kernel_never_showed_is_a_display_of_its_own()
    {
        // The kernel's display() returns a DisplayedValue whose id differs from the one it published, so its updates
        // show as a second output (collapsed to the last update), as they do in Polyglot Notebooks.
        var nb = Support.Cells("var live = display(\"step 0\");\nfor (int i = 1; i <= 3; i++) live.Update($\"step {i}\");");
        Assert.True((await Support.RunAsync(nb)).Succeeded);
        Assert.Equal(["step 0", "step 3"], nb.Elements[0].Outputs.Select(Support.Plain));
    }

    [Fact]
    public async Task A_runtime_exception_is_the_kernels_CommandFailed_as_an_error_output_and_stops_the_run()
    {
        var nb = Support.Cells("Console.WriteLine(\"before\");", "void Fail() => throw new InvalidOperationException(\"bad state\");\nConsole.WriteLine(\"about to fail\");\nFail();", "Console.WriteLine(\"never\");");
        var result = await Support.RunAsync(nb);
        Assert.False(result.Succeeded);
        Assert.Equal(2, result.FailedCell);
        Assert.Equal("InvalidOperationException: bad state", result.Error);
        var outs = nb.Elements[1].Outputs;
        Assert.Equal("about to fail\n", Assert.IsType<TextElement>(outs[0]).Text);
        var err = Assert.IsType<ErrorElement>(outs[1]);
        Assert.Equal(("InvalidOperationException", "bad state"), (err.ErrorName, err.ErrorValue));
        Assert.StartsWith("System.InvalidOperationException: bad state", err.StackTrace[0]);
        Assert.Contains(err.StackTrace, l => l.Contains("Fail"));
        Assert.Equal(0, nb.Elements[2].ExecutionOrder);
        Assert.Empty(nb.Elements[2].Outputs);
    }

    [Fact]
    public async Task Cells_after_a_failure_keep_no_output_or_count_from_an_earlier_run()
    {
        var nb = Support.Cells("throw new Exception(\"now\");", "1");
        nb.Elements[1].ExecutionOrder = 7;
        nb.Elements[1].Outputs.Add(new TextElement("from the last run\n"));
        Assert.False((await Support.RunAsync(nb)).Succeeded);
        Assert.Equal(0, nb.Elements[1].ExecutionOrder);
        Assert.Empty(nb.Elements[1].Outputs);
    }

    [Fact]
    public async Task A_compilation_error_names_the_diagnostic()
    {
        var nb = Support.Cells("int x = \"text\";");
        var result = await Support.RunAsync(nb);
        Assert.False(result.Succeeded);
        var err = Assert.IsType<ErrorElement>(Assert.Single(nb.Elements[0].Outputs));
        Assert.Equal("CompilationError", err.ErrorName);
        Assert.Contains("CS0029", err.ErrorValue);
        Assert.Contains("(1,9)", err.ErrorValue);
    }

    [Fact]
    public async Task A_cell_in_a_language_the_kernel_does_not_host_fails_naming_it_and_markdown_is_untouched()
    {
        var nb = Support.Cells("# md Some **text**", "1 + 1");
        nb.Add(new InteractiveDocumentElement("let x = 1", "fsharp"));
        var result = await Support.RunAsync(nb);
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.FailedCell);
        Assert.Contains("fsharp", result.Error);
        Assert.Equal("Some **text**", nb.Elements[0].Contents);
        Assert.Equal(0, nb.Elements[0].ExecutionOrder);
        Assert.Contains("<pre>2</pre>", Support.Html(nb.Elements[1].Outputs[0]));
    }

    [Fact]
    public async Task A_cell_over_the_timeout_is_cancelled_and_fails_with_the_limit_keeping_what_it_printed()
    {
        var nb = Support.Cells("Console.WriteLine(\"started\");\nawait Task.Delay(60_000);", "Console.WriteLine(\"never\");");
        var started = DateTime.UtcNow;
        var result = await Support.RunAsync(nb, timeout: TimeSpan.FromSeconds(3));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(45), "the cancelled cell was waited for");
        Assert.False(result.Succeeded);
        Assert.Equal(1, result.FailedCell);
        var outs = nb.Elements[0].Outputs;
        Assert.Equal("started\n", Assert.IsType<TextElement>(outs[0]).Text);
        var err = Assert.IsType<ErrorElement>(outs[^1]);
        Assert.Equal("TimeoutException", err.ErrorName);
        Assert.Equal("Cell 1 did not finish within 3 s (--timeout); it was cancelled.", err.ErrorValue);
        Assert.Empty(nb.Elements[1].Outputs);
    }
}
