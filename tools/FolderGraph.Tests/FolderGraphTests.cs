using System.Runtime.CompilerServices;
using FolderGraph;

namespace FolderGraph.Tests;

/// <summary>
/// The scanner on Fixture/, a tree whose edges are known by reading it: Shapes and Drawing use each other (a cycle),
/// Drawing uses Util through an extension method, the root file uses Shapes, and Circle has a part in Drawing.
/// </summary>
public class FolderGraphTests
{
    static string Fixture([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Fixture");

    static FolderDependencies Scan(SourceTree tree) =>
        ReferenceScanner.Scan(tree, ProjectReferences.Resolve(tree.Root, TextWriter.Null), TextWriter.Null);

    static string[] EdgeList(FolderDependencies graph) =>
        graph.Edges.Select(e => $"{e.From} -> {e.To}: {e.References} in {e.Files}").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Top_folders_edges_and_the_one_cycle()
    {
        var tree = SourceTree.Load(Fixture(), depth: 1);
        var graph = Scan(tree);

        Assert.Equal(0, graph.CompileErrors);
        Assert.Equal(
            [
                ". -> Shapes: 1 in 1",                     // Shapes.Circle (the target-typed new names no type)
                "Drawing -> Shapes: 3 in 2",               // Circle, c.Radius in SvgWriter; Svg() from Circle's part in Drawing
                "Drawing -> Util: 1 in 1",                 // .Invariant()
                "Shapes -> Drawing: 2 in 1",               // SvgWriter.Write
            ],
            EdgeList(graph));
        Assert.Equal([["Drawing", "Shapes"]], FolderCycles.Find(graph.Edges));
    }

    [Fact]
    public void An_edge_names_each_reference_by_file_and_line()
    {
        var graph = Scan(SourceTree.Load(Fixture(), depth: 1));

        var edge = graph.Edges.Single(e => e.From == "Drawing" && e.To == "Util");
        var line = File.ReadAllLines(Path.Combine(Fixture(), "Drawing", "Svg", "SvgWriter.cs"))
            .Select((text, i) => (text, i)).Single(l => l.text.Contains(".Invariant(")).i + 1;
        Assert.Equal([$"SvgWriter.cs:{line} Invariant"], edge.Names);

        var report = new StringWriter();
        GraphReport.Write(SourceTree.Load(Fixture(), depth: 1), graph, report, why: ["Drawing->Util"]);
        Assert.Contains($"Why Drawing -> Util:{Environment.NewLine}  SvgWriter.cs:{line} Invariant", report.ToString());
    }

    [Fact]
    public void Depth_two_splits_subfolders_and_counts_files_and_lines()
    {
        var tree = SourceTree.Load(Fixture(), depth: 2);

        Assert.Equal(["."], tree.Files.Where(f => f.Path.EndsWith("Keras.cs")).Select(f => f.Folder));
        Assert.Equal(["Drawing", "Drawing/Svg", "Shapes", "Util"],
            tree.Files.Select(f => f.Folder).Where(f => f != ".").Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllLines(Path.Combine(Fixture(), "Util", "NumberText.cs")).Length,
            tree.Files.Single(f => f.Path.EndsWith("NumberText.cs")).Lines);
        Assert.Contains("Shapes -> Drawing/Svg", Scan(tree).Edges.Select(e => $"{e.From} -> {e.To}"));
    }

    [Fact]
    public void The_library_folders_form_no_cycle()
    {
        // DEVELOPERS.md, "Folders and namespaces": each top folder of src/NotebookNN uses only the layers below it
        var library = Path.GetFullPath(Path.Combine(Fixture(), "..", "..", "..", "src", "NotebookNN"));
        var graph = Scan(SourceTree.Load(library, depth: 1));

        Assert.Equal(0, graph.CompileErrors);
        Assert.True(graph.Edges.Count > 40, $"expected the library's folder graph, found {graph.Edges.Count} edges");
        Assert.Empty(FolderCycles.Find(graph.Edges).Select(c => string.Join(", ", c)));
    }

    [Fact]
    public void Cycles_are_the_components_of_more_than_one_folder()
    {
        FolderEdge E(string from, string to) => new(from, to, 1, 1, []);
        var edges = new[] { E("A", "B"), E("B", "C"), E("C", "A"), E("C", "D"), E("D", "E"), E("E", "D"), E("F", "A") };

        Assert.Equal([["A", "B", "C"], ["D", "E"]], FolderCycles.Find(edges));
        Assert.Empty(FolderCycles.Find([E("A", "B"), E("B", "C")]));
    }

    [Fact]
    public void A_part_without_members_does_not_place_its_type()
    {
        // Square's members are in Shapes; an attribute-only part sits in Attach (first by name, so a tie-break by
        // name alone would place Square there, as the formatter attachments placed Tensor in Formatting).
        string root = Path.Combine(Path.GetTempPath(), "foldergraph-" + Guid.NewGuid().ToString("N"));
        try
        {
            void Write(string path, string text) { Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!); File.WriteAllText(Path.Combine(root, path), text); }
            Write("Shapes/Square.cs", "namespace F.Shapes;\npublic partial class Square { public double Side = 1; }\n");
            Write("Attach/Markers.cs", "namespace F.Shapes;\n[System.Serializable]\npublic partial class Square;\n");
            Write("Use/User.cs", "namespace F.Use;\npublic static class User { public static double Side() => new F.Shapes.Square().Side; }\n");

            var graph = Scan(SourceTree.Load(root, depth: 1));

            Assert.Equal(0, graph.CompileErrors);
            Assert.Equal(["Use -> Shapes: 2 in 1"], EdgeList(graph));
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
