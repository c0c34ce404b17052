using System.Runtime.InteropServices;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace FolderGraph;

/// <summary>
/// What the project compiles against: the running .NET's framework assemblies, the compile-time assemblies of its
/// packages as restore wrote them (<c>obj/project.assets.json</c>), and its global usings (the SDK's implicit ones
/// plus the project file's <c>&lt;Using&gt;</c> items).
/// </summary>
internal sealed record ProjectReferences(IReadOnlyList<MetadataReference> Assemblies, string GlobalUsings)
{
    static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    public static ProjectReferences Resolve(string root, TextWriter log)
    {
        var assemblies = FrameworkAssemblies().Concat(PackageAssemblies(root, log))
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        return new ProjectReferences(assemblies, GlobalUsingsOf(root));
    }

    static IEnumerable<string> FrameworkAssemblies()
    {
        // The shared framework this tool runs on (the same net10.0 the library targets), not the tool's own packages.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator).Where(p => p.StartsWith(runtime, StringComparison.Ordinal));
    }

    static IEnumerable<string> PackageAssemblies(string root, TextWriter log)
    {
        var assets = Path.Combine(root, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            if (Directory.EnumerateFiles(root, "*.csproj").Any(p => File.ReadAllText(p).Contains("<PackageReference", StringComparison.Ordinal)))
                log.WriteLine($"note: {assets} not found (run `dotnet restore {root}`); types from packages stay unresolved");
            yield break;
        }
        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        var folders = json.RootElement.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
        var libraries = json.RootElement.GetProperty("libraries");
        foreach (var target in json.RootElement.GetProperty("targets").EnumerateObject())
        foreach (var package in target.Value.EnumerateObject())
        {
            if (!package.Value.TryGetProperty("compile", out var compile)) continue;
            var folder = libraries.GetProperty(package.Name).GetProperty("path").GetString()!;
            foreach (var file in compile.EnumerateObject().Select(c => c.Name).Where(n => n.EndsWith(".dll", StringComparison.Ordinal)))
            {
                var path = folders.Select(f => Path.Combine(f, folder, file)).FirstOrDefault(File.Exists);
                if (path is not null) yield return path;
            }
        }
    }

    static string GlobalUsingsOf(string root)
    {
        var items = Directory.EnumerateFiles(root, "*.csproj")
            .SelectMany(p => XDocument.Load(p).Descendants("Using"))
            .Select(u => (string?)u.Attribute("Alias") is { } alias
                ? $"global using {alias} = {u.Attribute("Include")!.Value};"
                : $"global using {((string?)u.Attribute("Static") == "true" ? "static " : "")}{u.Attribute("Include")!.Value};");
        return string.Join('\n', ImplicitUsings.Select(n => $"global using {n};").Concat(items));
    }
}
