using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FolderGraph;

/// <summary>One edge of the folder graph: <c>From</c>'s files name symbols declared in <c>To</c>.</summary>
/// <param name="References">Names (types, and members reached through them) resolving to a symbol declared in To.</param>
/// <param name="Files">Distinct files of From holding such a name.</param>
/// <param name="Names">Each reference as "file:line name", in file order (what <c>--why</c> prints).</param>
internal sealed record FolderEdge(string From, string To, int References, int Files, IReadOnlyList<string> Names);

/// <summary>The folder graph of a compiled source tree.</summary>
internal sealed record FolderDependencies(IReadOnlyList<FolderEdge> Edges, int CompileErrors);

/// <summary>
/// Compiles the tree with Roslyn and, for every simple name in it that binds to a type declared in the tree or to a
/// member of one (an extension method, a property reached through an instance), records an edge from the folder of
/// the file holding the name to the folder of the file declaring that type or member. Names in the folder of their
/// own declaration are not edges.
/// </summary>
internal static class ReferenceScanner
{
    public static FolderDependencies Scan(SourceTree tree, ProjectReferences references, TextWriter log)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var syntax = tree.Files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f.Path), parse, f.Path)).ToList();
        var usings = CSharpSyntaxTree.ParseText(references.GlobalUsings, parse, "GlobalUsings.g.cs");
        var compilation = CSharpCompilation.Create("FolderGraph.Scanned", syntax.Append(usings), references.Assemblies,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable));
        var folderOf = tree.Files.ToDictionary(f => f.Path, f => f.Folder, StringComparer.Ordinal);

        var counts = new Dictionary<(string From, string To), List<(string File, string Name)>>();
        foreach (var (file, model) in syntax.Select(s => (s.FilePath, compilation.GetSemanticModel(s))))
        {
            var from = folderOf[file];
            foreach (var name in model.SyntaxTree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            foreach (var to in DeclaringFolders(model, name, folderOf))
            {
                if (to == from) continue;
                if (!counts.TryGetValue((from, to), out var names)) counts[(from, to)] = names = [];
                names.Add((file, $"{Path.GetFileName(file)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1} {name.Identifier.Text}"));
            }
        }
        var edges = counts.Select(c => new FolderEdge(c.Key.From, c.Key.To, c.Value.Count,
                c.Value.Select(n => n.File).Distinct().Count(), c.Value.Select(n => n.Name).ToList()))
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenByDescending(e => e.References).ThenBy(e => e.To, StringComparer.Ordinal)
            .ToList();
        // A clean compile means every name bound: the first few errors say what reference or using is missing. Source
        // generators do not run here, so the partial methods they implement ([GeneratedRegex]) are not errors.
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").ToList();
        foreach (var error in errors.Take(5)) log.WriteLine($"compile error: {error}");
        return new FolderDependencies(edges, errors.Count);
    }

    static IEnumerable<string> DeclaringFolders(SemanticModel model, SimpleNameSyntax name, Dictionary<string, string> folderOf)
    {
        var info = model.GetSymbolInfo(name);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        var declared = symbol switch
        {
            null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol
                or ITypeParameterSymbol or IDiscardSymbol => null,
            IMethodSymbol { ReducedFrom: { } extension } => extension,
            // A constructor (new T(), [T]) names its type: attribute it as the type's name.
            IMethodSymbol { MethodKind: MethodKind.Constructor } ctor when ctor.IsImplicitlyDeclared => ctor.ContainingType,
            _ => symbol,
        };
        if (declared?.OriginalDefinition is not { } definition) return [];
        var folders = DeclaringLocations(definition)
            .Where(l => l.IsInSource && folderOf.ContainsKey(l.SourceTree!.FilePath))
            .Select(l => folderOf[l.SourceTree!.FilePath])
            .ToList();
        // A member lives in the part that declares it; a partial type's name is counted once, in the folder holding
        // most of its declarations (a type whose parts sit in several folders would otherwise pull every reader
        // towards each of them).
        return folders.GroupBy(f => f, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(1).Select(g => g.Key);
    }

    // A type's parts that declare members: a part with none (`[Attr] public partial class Tensor;`, as the formatter
    // attachments are written) adds an attribute, not the type, so it does not place the type in its folder.
    static IEnumerable<Location> DeclaringLocations(ISymbol definition)
    {
        if (definition is not INamedTypeSymbol type || type.DeclaringSyntaxReferences.Length < 2) return definition.Locations;
        var withMembers = type.DeclaringSyntaxReferences
            .Where(r => r.GetSyntax() is not TypeDeclarationSyntax { Members.Count: 0 })
            .Select(r => r.GetSyntax().GetLocation()).ToList();
        return withMembers.Count > 0 ? withMembers : definition.Locations;
    }
}
