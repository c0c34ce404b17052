using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace NotebookNN.Runner;

/// <summary>A resolved package: its assemblies (with dependencies) and, if it has one, its extension.dib.</summary>
public sealed record ResolvedPackage(string Id, string Version, IReadOnlyList<string> Assemblies, string? ExtensionDib);

/// <summary>
/// Resolves <c>#r "nuget: Id[, version]"</c>: a <c>.nupkg</c> in the source folders (from <c>#i "nuget: folder"</c> and
/// <c>--source</c>), extracted to a cache folder, or a package already in the local NuGet cache (~/.nuget/packages);
/// dependencies come from the nuspec, resolved in the local NuGet cache. Assemblies of the shared framework are skipped.
/// </summary>
public sealed class PackageResolver
{
    private static readonly string[] FrameworkPreference =
        ["net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.0"];

    public List<string> Sources { get; } = new();
    public string NuGetCache { get; init; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    public string ExtractRoot { get; init; } = Path.Combine(Path.GetTempPath(), "notebooknn-runner-packages");

    private static readonly HashSet<string> FrameworkAssemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase)!;

    public ResolvedPackage Resolve(string id, string? version)
    {
        string? folder = FromSources(id, version) ?? FromCache(id, version);
        if (folder is null)
            throw new PackageNotFoundException($"Unable to find package {id}{(version is null ? "" : " " + version)}: no {id}.*.nupkg in "
                + (Sources.Count == 0 ? "any source (add #i \"nuget: <folder>\" or --source <folder>)" : string.Join(", ", Sources))
                + $" and not in the local NuGet cache {NuGetCache}.");
        var assemblies = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string resolvedVersion = ReadNuspec(folder).Version;
        Collect(id, folder, assemblies, seen);
        string? dib = Path.Combine(folder, "interactive-extensions", "dotnet", "extension.dib");
        return new ResolvedPackage(id, resolvedVersion, assemblies, File.Exists(dib) ? dib : null);
    }

    private void Collect(string id, string folder, List<string> assemblies, HashSet<string> seen)
    {
        if (!seen.Add(id)) return;
        var lib = BestFrameworkFolder(Path.Combine(folder, "lib"));
        if (lib is not null)
            assemblies.AddRange(Directory.GetFiles(lib, "*.dll").Where(p => !FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(p))));
        foreach (var (depId, range) in ReadNuspec(folder).Dependencies)
        {
            if (seen.Contains(depId)) continue;
            var depFolder = FromCache(depId, MinimumVersion(range));
            if (depFolder is null) throw new PackageNotFoundException($"Unable to find {depId} {range} (a dependency of {id}) in the local NuGet cache {NuGetCache}.");
            Collect(depId, depFolder, assemblies, seen);
        }
    }

    private string? FromSources(string id, string? version)
    {
        var candidates = Sources.Where(Directory.Exists)
            .SelectMany(s => Directory.GetFiles(s, "*.nupkg"))
            .Select(p => (Path: p, Version: VersionOf(Path.GetFileNameWithoutExtension(p), id)))
            .Where(c => c.Version is not null && (version is null || string.Equals(c.Version, version, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(c => ParseVersion(c.Version!)).ToList();
        return candidates.Count == 0 ? null : Extract(candidates[0].Path);
    }

    private static string? VersionOf(string fileName, string id)
    {
        if (!fileName.StartsWith(id + ".", StringComparison.OrdinalIgnoreCase)) return null;
        string rest = fileName[(id.Length + 1)..];
        return rest.Length > 0 && char.IsDigit(rest[0]) ? rest : null;
    }

    /// <summary>Extracts a nupkg once per content (the folder name carries a hash of the file).</summary>
    private string Extract(string nupkg)
    {
        string hash;
        using (var s = File.OpenRead(nupkg)) hash = Convert.ToHexString(SHA256.HashData(s))[..16].ToLowerInvariant();
        string target = Path.Combine(ExtractRoot, Path.GetFileNameWithoutExtension(nupkg) + "-" + hash);
        if (Directory.Exists(target)) return target;
        string temp = target + ".tmp-" + Environment.ProcessId;
        ZipFile.ExtractToDirectory(nupkg, temp, overwriteFiles: true);
        try { Directory.Move(temp, target); } catch (IOException) when (Directory.Exists(target)) { Directory.Delete(temp, true); }
        return target;
    }

    private string? FromCache(string id, string? minimum)
    {
        string root = Path.Combine(NuGetCache, id.ToLowerInvariant());
        if (!Directory.Exists(root)) return null;
        var versions = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(v => File.Exists(Path.Combine(root, v, id.ToLowerInvariant() + ".nuspec")) || Directory.GetFiles(Path.Combine(root, v), "*.nuspec").Length > 0)
            .OrderBy(ParseVersion).ToList();
        if (versions.Count == 0) return null;
        string? pick = minimum is null ? versions[^1]
            : versions.FirstOrDefault(v => string.Equals(v, minimum, StringComparison.OrdinalIgnoreCase))
              ?? versions.FirstOrDefault(v => ParseVersion(v).CompareTo(ParseVersion(minimum)) >= 0) ?? versions[^1];
        return Path.Combine(root, pick);
    }

    private static string? BestFrameworkFolder(string lib)
    {
        if (!Directory.Exists(lib)) return null;
        foreach (var tfm in FrameworkPreference)
        {
            var d = Path.Combine(lib, tfm);
            if (Directory.Exists(d)) return d;
        }
        return Directory.GetFiles(lib, "*.dll").Length > 0 ? lib : null;
    }

    private sealed record Nuspec(string Version, List<(string Id, string Range)> Dependencies);

    private static Nuspec ReadNuspec(string folder)
    {
        var file = Directory.GetFiles(folder, "*.nuspec").FirstOrDefault()
            ?? throw new PackageNotFoundException($"The package folder {folder} has no .nuspec.");
        var doc = XDocument.Load(file);
        string version = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "version")?.Value ?? "0.0.0";
        var groups = doc.Descendants().Where(e => e.Name.LocalName == "group").ToList();
        IEnumerable<XElement> deps;
        if (groups.Count > 0)
        {
            var best = groups.OrderBy(g => GroupRank((string?)g.Attribute("targetFramework"))).First();
            deps = best.Elements().Where(e => e.Name.LocalName == "dependency");
        }
        else deps = doc.Descendants().Where(e => e.Name.LocalName == "dependency");
        return new Nuspec(version, deps.Select(d => ((string)d.Attribute("id")!, (string?)d.Attribute("version") ?? "0.0.0")).ToList());
    }

    private static int GroupRank(string? tfm)
    {
        if (tfm is null) return FrameworkPreference.Length + 1;
        string t = tfm.ToLowerInvariant().Replace(".netstandard", "netstandard").Replace(".netcoreapp", "netcoreapp");
        if (t.StartsWith("net") && t.Length > 3 && char.IsDigit(t[3]) && !t.Contains('.')) t = "net" + t[3..];   // net10.0 stays
        int i = Array.IndexOf(FrameworkPreference, t);
        return i >= 0 ? i : FrameworkPreference.Length + 2;
    }

    /// <summary>The lower bound of a NuGet version range ("6.0.0", "[1.2, )", "(, 3]").</summary>
    internal static string? MinimumVersion(string range)
    {
        string r = range.Trim().TrimStart('[', '(').TrimEnd(']', ')');
        string min = r.Split(',')[0].Trim();
        return min.Length == 0 ? null : min;
    }

    internal static (Version, string) ParseVersion(string v)
    {
        int dash = v.IndexOf('-');
        string core = dash < 0 ? v : v[..dash];
        var parts = core.Split('.').Select(p => int.TryParse(p, out var n) ? n : 0).Concat([0, 0, 0]).Take(4).ToArray();
        // A release sorts after its prereleases: "~" > any prerelease label.
        return (new Version(parts[0], parts[1], parts[2], parts[3]), dash < 0 ? "~" : v[(dash + 1)..]);
    }
}

/// <summary>A <c>#r "nuget: ..."</c> package (or one of its dependencies) that no source has.</summary>
public sealed class PackageNotFoundException(string message) : Exception(message);
