namespace FolderGraph;

/// <summary>The printed report: files and lines per folder, the edges with their counts, and every cycle.</summary>
internal static class GraphReport
{
    public static void Write(SourceTree tree, FolderDependencies graph, TextWriter o, IReadOnlyCollection<string>? why = null)
    {
        o.WriteLine($"{tree.Name}: {tree.Files.Count} files, {tree.Files.Sum(f => f.Lines)} lines, folders at depth {tree.Depth}, {graph.CompileErrors} compile errors");
        o.WriteLine();
        o.WriteLine("Folders (files, lines):");
        foreach (var g in tree.Files.GroupBy(f => f.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
            o.WriteLine($"  {g.Key,-28} {g.Count(),5} {g.Sum(f => f.Lines),7}");
        o.WriteLine();
        o.WriteLine("Edges (folder -> folder it uses: references, in files):");
        foreach (var e in graph.Edges) o.WriteLine(Edge(e));
        o.WriteLine();
        var cycles = FolderCycles.Find(graph.Edges);
        o.WriteLine($"Cycles (strongly connected components of more than one folder): {cycles.Count}");
        foreach (var (cycle, i) in cycles.Select((c, i) => (c, i + 1)))
        {
            o.WriteLine($"  {i}. {string.Join(", ", cycle)}");
            foreach (var e in graph.Edges.Where(e => cycle.Contains(e.From) && cycle.Contains(e.To))) o.WriteLine("  " + Edge(e));
        }
        // --why From->To: the names that make an edge, to find what a move would have to carry
        foreach (var e in graph.Edges.Where(e => why?.Contains($"{e.From}->{e.To}") == true))
        {
            o.WriteLine();
            o.WriteLine($"Why {e.From} -> {e.To}:");
            foreach (var n in e.Names) o.WriteLine("  " + n);
        }
    }

    static string Edge(FolderEdge e) => $"  {e.From + " -> " + e.To,-48} {e.References,6} in {e.Files,3} files";
}
