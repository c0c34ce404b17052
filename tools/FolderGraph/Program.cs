using FolderGraph;

// dotnet run --project tools/FolderGraph -- src/NotebookNN [--depth 2] [--why Models->Saving]
var depth = 1;
var why = new List<string>();
string? root = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--depth" && i + 1 < args.Length && int.TryParse(args[i + 1], out var d) && d >= 1) { depth = d; i++; }
    else if (args[i] == "--why" && i + 1 < args.Length) why.Add(args[++i]);
    else if (!args[i].StartsWith("--", StringComparison.Ordinal) && root is null) root = args[i];
    else { Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: FolderGraph <source folder> [--depth N] [--why From->To]"); return 2; }
}
if (root is null || !Directory.Exists(root))
{
    Console.Error.WriteLine($"expected the folder of a C# project (for example src/NotebookNN), received '{root}'. Usage: FolderGraph <source folder> [--depth N]");
    return 2;
}

var sources = SourceTree.Load(root, depth);
var graph = ReferenceScanner.Scan(sources, ProjectReferences.Resolve(root, Console.Error), Console.Error);
GraphReport.Write(sources, graph, Console.Out, why);
return 0;
