using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace NotebookNN.Tests.Packaging;

/// <summary>The library packed once per test class (<c>dotnet pack --no-build</c> of the configuration under test):
/// the .nupkg, the .snupkg and the nuspec.</summary>
public sealed class PackedPackage : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "nnn-pack-" + Guid.NewGuid().ToString("N"));
    public string PackLog { get; }
    public string Nupkg { get; }
    public string? Snupkg { get; }
    public XDocument Nuspec { get; }

    public PackedPackage()
    {
        PackLog = Run("dotnet", ["pack", PackedPackage.RepoFile("src", "NotebookNN", "NotebookNN.csproj"),
            "--no-build", "-c", Configuration, "-o", Folder, "-nologo"], out int exit);
        Assert.True(exit == 0, PackLog);
        Nupkg = Assert.Single(Directory.GetFiles(Folder, "NotebookNN.*.nupkg"));
        Snupkg = Directory.GetFiles(Folder, "NotebookNN.*.snupkg").SingleOrDefault();
        using var zip = ZipFile.OpenRead(Nupkg);
        using var s = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec")).Open();
        Nuspec = XDocument.Load(s);
    }

    /// <summary>The nuspec's metadata element named <paramref name="name"/>.</summary>
    public XElement? Metadata(string name) => Nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>Runs a process to its end; its standard output and error together.</summary>
    internal static string Run(string file, string[] args, out int exitCode, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string log = p.StandardOutput.ReadToEnd() + stderr.Result;
        p.WaitForExit();
        exitCode = p.ExitCode;
        return log;
    }

    /// <summary>A path under the repository's root (the folder holding NotebookNN.sln).</summary>
    internal static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NotebookNN.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }

    public void Dispose() { if (Directory.Exists(Folder)) Directory.Delete(Folder, true); }
}
