using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookNN.Runner;

/// <summary>The result of a run: whether every cell ran, and if not which cell failed and why.</summary>
public sealed record RunResult(bool Succeeded, int? FailedCell, string? Error);

/// <summary>Runs a notebook's code cells in order in one C# session, recording outputs and execution counts.</summary>
public sealed class NotebookExecutor
{
    public CSharpSession Session { get; } = new();
    public TimeSpan? CellTimeout { get; init; }

    public RunResult Run(Notebook nb)
    {
        int count = 0;
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(new CellWriter("stdout"));
        Console.SetError(new CellWriter("stderr"));
        try
        {
            for (int i = 0; i < nb.Cells.Count; i++)
            {
                var cell = nb.Cells[i];
                if (cell.Kind != "code") continue;
                cell.Outputs.Clear();
                cell.ExecutionCount = ++count;
                var outputs = new CellOutputs();
                CellWriter.Current = outputs;
                Exception? error = null;
                object? value = null;
                try { value = RunCell(cell, i); }
                catch (Exception e) { error = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e; }
                CellWriter.Current = null;
                cell.Outputs.AddRange(outputs.ToJson());
                if (error is not null)
                {
                    cell.Outputs.Add(ErrorOutput(error));
                    return new RunResult(false, i + 1, $"{ErrorName(error)}: {error.Message}");
                }
                if (value is not null)
                    cell.Outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = count, ["data"] = CellOutputs.MimeBundle(value), ["metadata"] = new JsonObject() });
            }
            return new RunResult(true, null, null);
        }
        finally { CellWriter.Current = null; Console.SetOut(oldOut); Console.SetError(oldErr); }
    }

    private object? RunCell(NotebookCell cell, int index)
    {
        string lang = cell.Language.ToLowerInvariant();
        if (lang is not ("csharp" or "c#" or "cs"))
            throw new NotSupportedException($"Cell {index + 1} is in '{cell.Language}'; the NotebookNN runner executes C# cells only (csharp).");
        var task = Task.Run(() => Session.RunAsync(cell.Source));
        if (CellTimeout is { } t && !task.Wait(t))
            throw new TimeoutException($"Cell {index + 1} did not finish within {t.TotalSeconds:0.#} s (--timeout).");
        return task.GetAwaiter().GetResult();
    }

    private static string ErrorName(Exception e) => e is CompilationErrorException ? "CompilationError" : e.GetType().Name;

    private static JsonObject ErrorOutput(Exception e)
    {
        var trace = new JsonArray($"{ErrorName(e)}: {e.Message}");
        if (e is not CompilationErrorException)
            foreach (var line in (e.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)) trace.Add(line);
        return new JsonObject { ["output_type"] = "error", ["ename"] = ErrorName(e), ["evalue"] = e.Message, ["traceback"] = trace };
    }
}
