using System.Diagnostics;
using Microsoft.DotNet.Interactive.Documents;

[assembly: CollectionBehavior(DisableTestParallelization = true)]   // Console, the working directory and the formatter are process-wide

namespace NotebookNN.Runner.Tests;

internal static class Support
{
    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "nnn-runner-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    public static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NotebookNN.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }

    /// <summary>A notebook of C# code cells (a "# md " prefix makes a markdown cell).</summary>
    public static InteractiveDocument Cells(params string[] sources)
    {
        var nb = new InteractiveDocument();
        foreach (var s in sources)
            nb.Add(s.StartsWith("# md ") ? new InteractiveDocumentElement(s[5..], "markdown") : new InteractiveDocumentElement(s, KernelHost.CSharp));
        return nb;
    }

    /// <summary>
    /// Runs a notebook in a new kernel (with the given package sources) and returns the result. With a timeout, the
    /// kernel first compiles a warm-up submission, so the limit measures the cell rather than the compiler's start.
    /// </summary>
    public static async Task<RunResult> RunAsync(InteractiveDocument nb, string[]? sources = null, TimeSpan? timeout = null)
    {
        using var kernel = await KernelHost.CreateAsync(sources);
        if (timeout is not null) await kernel.SubmitAsync("Console.Write(\"\");");
        return await new NotebookExecutor(kernel) { CellTimeout = timeout }.RunAsync(nb);
    }

    /// <summary>A MIME value of a display or result output ("" when it has none of that type).</summary>
    public static string Data(InteractiveDocumentOutputElement output, string mimeType)
    {
        var data = output switch { DisplayElement d => d.Data, ReturnValueElement r => r.Data, _ => throw new InvalidOperationException($"{output.GetType().Name} has no data") };
        return data.TryGetValue(mimeType, out var v) ? v as string ?? string.Concat((IEnumerable<object>)v) : "";
    }

    public static string Plain(InteractiveDocumentOutputElement output) => Data(output, "text/plain");

    public static string Html(InteractiveDocumentOutputElement output) => Data(output, "text/html");

    /// <summary>Runs <paramref name="run"/> with standard error captured: (its result, what it wrote there).</summary>
    public static (int Code, string Error) CaptureError(Func<int> run)
    {
        var saved = Console.Error;
        var writer = new StringWriter();
        Console.SetError(writer);
        try { return (run(), writer.ToString()); }
        finally { Console.SetError(saved); }
    }

    /// <summary>Runs a process and returns (exit code, stdout + stderr).</summary>
    public static (int Code, string Log) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string log = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, log + err.Result);
    }

    /// <summary>nbformat's own validation (Debian's python3-nbformat), skipped where it is not installed.</summary>
    public static void ValidateWithNbformat(string ipynb)
    {
        Skip.IfNot(File.Exists("/usr/bin/python3") && Run("/usr/bin/python3", "-c", "import nbformat").Code == 0, "python3-nbformat is not installed");
        var (code, log) = Run("/usr/bin/python3", "-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", ipynb);
        Assert.True(code == 0, log);
    }
}
