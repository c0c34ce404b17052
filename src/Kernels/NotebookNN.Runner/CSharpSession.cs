using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookNN.Runner;

/// <summary>
/// A C# kernel session on Roslyn scripting: each cell continues the previous state (variables, usings, types).
/// Handles the Polyglot directives <c>#i "nuget: folder"</c>, <c>#r "nuget: Id[, version]"</c> (running the
/// package's extension.dib) and <c>#r "path.dll"</c>; <c>display(...)</c> is the kernel's, through a <c>using static</c>.
/// </summary>
public sealed class CSharpSession
{
    private static readonly Regex Directive = new(@"^\s*#(?<kind>r|i)\s+""(?<arg>[^""]*)""\s*$");
    private static readonly string[] DefaultUsings =
        ["System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks",
         "Microsoft.DotNet.Interactive", "Microsoft.DotNet.Interactive.Formatting", "Microsoft.DotNet.Interactive.Kernel"];

    private readonly Dictionary<string, string> _assemblyPaths = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _loadedPackages = new(StringComparer.OrdinalIgnoreCase);
    private ScriptOptions _options;
    private ScriptState<object?>? _state;

    public PackageResolver Packages { get; } = new();
    /// <summary>Folder relative paths in directives resolve against (the notebook's folder).</summary>
    public string BaseDirectory { get; set; } = Environment.CurrentDirectory;

    public CSharpSession()
    {
        _options = ScriptOptions.Default
            .AddReferences(typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(Console).Assembly,
                typeof(Microsoft.DotNet.Interactive.Kernel).Assembly, typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly)
            .AddReferences(((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(p)))
            .AddImports(DefaultUsings)
            .WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview)
            .WithEmitDebugInformation(false);
        AssemblyLoadContext.Default.Resolving += (_, name) =>
            name.Name is not null && _assemblyPaths.TryGetValue(name.Name, out var path) ? LoadShared(path) : null;
    }

    /// <summary>Runs one cell's code; returns the value of its last expression (null when none).</summary>
    public async Task<object?> RunAsync(string code)
    {
        var body = new List<string>();
        foreach (var line in code.Replace("\r\n", "\n").Split('\n'))
        {
            var m = Directive.Match(line);
            if (!m.Success) { body.Add(line); continue; }
            body.Add("");   // keep line numbers
            await HandleDirectiveAsync(m.Groups["kind"].Value, m.Groups["arg"].Value.Trim());
        }
        return await SubmitAsync(string.Join("\n", body));
    }

    private async Task<object?> SubmitAsync(string code)
    {
        if (code.Trim().Length == 0) return null;
        _state = _state is null
            ? await CSharpScript.RunAsync<object?>(code, _options)
            : await _state.ContinueWithAsync<object?>(code, _options);
        return _state.ReturnValue;
    }

    private async Task HandleDirectiveAsync(string kind, string arg)
    {
        if (arg.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            string spec = arg["nuget:".Length..].Trim();
            if (kind == "i") { Packages.Sources.Add(Path.GetFullPath(spec, BaseDirectory)); return; }
            var parts = spec.Split(',', 2, StringSplitOptions.TrimEntries);
            await LoadPackageAsync(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
            return;
        }
        if (kind == "i") throw new NotSupportedException($"#i expects \"nuget: <source>\", received \"{arg}\".");
        string dll = Path.GetFullPath(arg, BaseDirectory);
        if (!File.Exists(dll)) throw new FileNotFoundException($"#r: the assembly '{arg}' was not found (looked at {dll}).", dll);
        AddAssemblies([dll]);
    }

    /// <summary>References a package's assemblies and runs its extension.dib, as the kernel does on #r "nuget: ...".</summary>
    public async Task LoadPackageAsync(string id, string? version)
    {
        if (!_loadedPackages.Add(id)) return;
        var package = Packages.Resolve(id, version);
        AddAssemblies(package.Assemblies);
        if (package.ExtensionDib is null) return;
        foreach (var cell in DibFormat.Parse(File.ReadAllText(package.ExtensionDib)).Cells.Where(c => c.Kind == "code" && c.Language == "csharp"))
            await SubmitAsync(cell.Source);
    }

    private void AddAssemblies(IEnumerable<string> paths)
    {
        var loaded = new List<Assembly>();
        foreach (var p in paths)
        {
            var name = AssemblyName.GetAssemblyName(p).Name!;
            _assemblyPaths.TryAdd(name, p);
            loaded.Add(LoadShared(_assemblyPaths[name]));
        }
        _options = _options.AddReferences(loaded);
    }

    /// <summary>Loads into the default context once per simple name (a second path of the same assembly reuses the first).</summary>
    private static Assembly LoadShared(string path)
    {
        var name = AssemblyName.GetAssemblyName(path).Name;
        return AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
