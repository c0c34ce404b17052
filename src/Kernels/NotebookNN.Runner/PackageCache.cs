using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace NotebookNN.Runner;

/// <summary>
/// The NuGet global packages folder the kernel restores into (<c>NUGET_PACKAGES</c>, else ~/.nuget/packages). It keeps
/// a package by id and version, so a package rebuilt under the same version (NotebookNN 0.1.0 packed after a change)
/// would never be seen again: a runner source's .nupkg whose content differs from the cached copy evicts that copy.
/// </summary>
public static class PackageCache
{
    public static string Root => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
        ? configured
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>Removes the cached copies of the packages in <paramref name="sourceFolder"/> that differ from them.</summary>
    public static void EvictStale(string sourceFolder)
    {
        if (!Directory.Exists(sourceFolder)) return;
        foreach (var nupkg in Directory.GetFiles(sourceFolder, "*.nupkg"))
        {
            if (IdAndVersion(nupkg) is not var (id, version)) continue;
            string cached = Path.Combine(Root, id.ToLowerInvariant(), version.ToLowerInvariant());
            string hashFile = Path.Combine(cached, $"{id}.{version}.nupkg.sha512".ToLowerInvariant());
            if (!Directory.Exists(cached)) continue;
            if (File.Exists(hashFile) && File.ReadAllText(hashFile).Trim() == Sha512(nupkg)) continue;
            try { Directory.Delete(cached, recursive: true); }
            catch (IOException) { }   // in use by another restore: it is replaced on the next run
        }
    }

    /// <summary>The id and version a .nupkg declares in its nuspec (null for a file that is not a package).</summary>
    private static (string Id, string Version)? IdAndVersion(string nupkg)
    {
        try
        {
            using var zip = ZipFile.OpenRead(nupkg);
            var entry = zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
            if (entry is null) return null;
            using var stream = entry.Open();
            var metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
            string? id = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "id")?.Value;
            string? version = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "version")?.Value;
            return id is null || version is null ? null : (id, NormalizedVersion(version));
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            return null;
        }
    }

    /// <summary>NuGet's folder name of a version: "1.2" is cached as "1.2.0", "1.2.3.0" as "1.2.3", build metadata dropped.</summary>
    internal static string NormalizedVersion(string version)
    {
        string v = version.Split('+')[0];
        int dash = v.IndexOf('-');
        string core = dash < 0 ? v : v[..dash], label = dash < 0 ? "" : v[dash..];
        var parts = core.Split('.').ToList();
        while (parts.Count < 3) parts.Add("0");
        if (parts.Count == 4 && parts[3] == "0") parts.RemoveAt(3);
        return string.Join('.', parts.Select(p => int.TryParse(p, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : p)) + label;
    }

    private static string Sha512(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToBase64String(SHA512.HashData(stream));
    }
}
