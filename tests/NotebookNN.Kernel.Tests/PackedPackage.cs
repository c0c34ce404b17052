using System.Diagnostics;

namespace NotebookNN.Kernel.Tests;

/// <summary>
/// NotebookNN packed once per test run (<c>dotnet pack --no-build</c> of the configuration under test) under a version
/// of its own, so the kernel restores this build and never a cached one; the restored copy is removed at the end.
/// </summary>
public sealed class PackedPackage
{
    private static readonly Lazy<PackedPackage> _instance = new(() => new PackedPackage());

    /// <summary>The package of this test run, packed on first use and removed when the process exits.</summary>
    public static PackedPackage Instance => _instance.Value;

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public string Folder { get; }
    public string Version { get; }

    private PackedPackage()
    {
        Version = "0.0." + DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Folder = Path.Combine(Path.GetTempPath(), "nnn-kernel-pack-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo("dotnet", ["pack", RepoFile("src", "NotebookNN", "NotebookNN.csproj"), "--no-build",
            "-c", Configuration, "-o", Folder, "-nologo", "-p:Version=" + Version]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        string log = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("dotnet pack failed:\n" + log);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove();
    }

    /// <summary>The cell a user writes to load this build: the folder as a source, then the package.</summary>
    public string ReferenceCell => $"#i \"nuget: {Folder}\"\n#r \"nuget: NotebookNN, {Version}\"";

    private void Remove()
    {
        Directory.Delete(Folder, true);
        string cached = Path.Combine(NuGetPackagesFolder(), "notebooknn", Version);
        if (Directory.Exists(cached)) Directory.Delete(cached, true);
    }

    private static string NuGetPackagesFolder() => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } f
        ? f : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    internal static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NotebookNN.sln"))) dir = dir.Parent;
        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("NotebookNN.sln not found above the test folder"), .. parts]);
    }
}

/// <summary>The kernel tests run one at a time: formatters and NotebookNN's hooks are process-wide, as in a kernel.</summary>
[CollectionDefinition(Name)]
public sealed class KernelCollection
{
    public const string Name = "released kernel";
}
