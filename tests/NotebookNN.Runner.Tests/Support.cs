using System.Diagnostics;
using System.Text.Json.Nodes;

[assembly: CollectionBehavior(DisableTestParallelization = true)]   // Console and the kernel's display sink are process-wide

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

    /// <summary>A notebook of C# code cells (a "# md" prefix makes a markdown cell).</summary>
    public static Notebook Cells(params string[] sources)
    {
        var nb = new Notebook();
        foreach (var s in sources)
            nb.Cells.Add(s.StartsWith("# md ") ? new NotebookCell { Kind = "markdown", Language = "markdown", Source = s[5..] } : new NotebookCell { Source = s });
        return nb;
    }

    public static string Text(JsonNode? lines) => lines is JsonArray a ? string.Concat(a.Select(l => l!.GetValue<string>())) : lines?.GetValue<string>() ?? "";

    public static string Plain(JsonObject output) => Text(output["data"]!["text/plain"]);

    public static string OutputType(JsonObject o) => o["output_type"]!.GetValue<string>();

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
