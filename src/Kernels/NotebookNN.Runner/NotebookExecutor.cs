using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Runner;

/// <summary>The result of a run: whether every cell ran, and if not which cell failed and why.</summary>
public sealed record RunResult(bool Succeeded, int? FailedCell, string? Error);

/// <summary>
/// Runs a notebook's code cells in order through one kernel, as a notebook UI does: each cell is one
/// <see cref="SubmitCode"/>; its events become the cell's outputs and it gets the next execution count. The first
/// failed cell (<see cref="CommandFailed"/>, or over <see cref="CellTimeout"/>, then cancelled) ends the run.
/// </summary>
public sealed class NotebookExecutor(Kernel kernel)
{
    /// <summary>How long one cell may run; past it the kernel is sent <see cref="Cancel"/> and the cell fails.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>How long a cancelled cell is given to stop before the run goes on without it.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(5);

    public async Task<RunResult> RunAsync(InteractiveDocument notebook)
    {
        var code = notebook.Elements.Where(c => c.KernelName != "markdown").ToList();
        foreach (var cell in code) { cell.Outputs.Clear(); cell.ExecutionOrder = 0; }   // a notebook run before keeps no stale output
        int count = 0;
        for (int i = 0; i < notebook.Elements.Count; i++)
        {
            var cell = notebook.Elements[i];
            if (!code.Contains(cell)) continue;
            cell.ExecutionOrder = ++count;
            var outputs = new CellOutputs(count);
            string? error = await RunCellAsync(cell, i + 1, outputs);
            cell.Outputs.AddRange(outputs.ToElements());
            if (error is not null) return new RunResult(false, i + 1, error);
        }
        return new RunResult(true, null, null);
    }

    /// <summary>Runs one cell into <paramref name="outputs"/>; returns why it failed (null when it ran).</summary>
    private async Task<string?> RunCellAsync(InteractiveDocumentElement cell, int number, CellOutputs outputs)
    {
        var command = new SubmitCode(cell.Contents, cell.KernelName);
        bool done = false;
        using var subscription = kernel.KernelEvents.Subscribe(e => { if (!Volatile.Read(ref done)) outputs.Add(e); });
        var run = kernel.SendAsync(command);
        try
        {
            if (CellTimeout is { } limit) await run.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            await kernel.SendAsync(new Cancel());
            await Task.WhenAny(run, Task.Delay(CancelGrace));
            Volatile.Write(ref done, true);
            string timedOut = FormattableString.Invariant($"Cell {number} did not finish within {CellTimeout!.Value.TotalSeconds:0.###} s (--timeout); it was cancelled.");
            outputs.Fail("TimeoutException", timedOut, [$"TimeoutException: {timedOut}"]);
            return $"TimeoutException: {timedOut}";
        }
        var result = await run;
        Volatile.Write(ref done, true);
        var failures = result.Events.OfType<CommandFailed>().ToList();
        if ((failures.FirstOrDefault(f => f.Command == command) ?? failures.FirstOrDefault()) is not { } failed) return null;
        var (name, message) = Describe(failed);
        outputs.Fail(name, message, failed.Message.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
        return $"{name}: {message}";
    }

    /// <summary>
    /// A failure's name and message: the exception's type and message; "CompilationError" and the diagnostics when the
    /// code did not compile; "Error" and the kernel's message when it gives no exception.
    /// </summary>
    private static (string Name, string Message) Describe(CommandFailed failed) => failed.Exception switch
    {
        null => ("Error", failed.Message),
        { } e when e.GetType().Name == "CodeSubmissionCompilationErrorException" => ("CompilationError", failed.Message),
        { } e => (e.GetType().Name, e.Message),
    };
}
