namespace FolderGraph;

/// <summary>One source file: its path, the folder it is counted in, and its line count.</summary>
internal sealed record SourceFile(string Path, string Folder, int Lines);

/// <summary>
/// The .cs files under a project folder (obj/ and bin/ left out), each assigned to its folder cut to
/// <c>depth</c> levels below the root (<c>Tensors</c> at depth 1, <c>Tensors/Ops</c> at depth 2; files in the root
/// itself are in <c>.</c>).
/// </summary>
internal sealed class SourceTree(string name, string root, int depth, IReadOnlyList<SourceFile> files)
{
    public const string RootFolder = ".";

    /// <summary>The folder as it was given (for the report), and in full.</summary>
    public string Name { get; } = name;
    public string Root { get; } = root;
    public int Depth { get; } = depth;
    public IReadOnlyList<SourceFile> Files { get; } = files;

    public static SourceTree Load(string root, int depth)
    {
        var full = Path.GetFullPath(root);
        var files = Directory.EnumerateFiles(full, "*.cs", SearchOption.AllDirectories)
            .Select(path => (path, parts: Path.GetRelativePath(full, path).Split(Path.DirectorySeparatorChar)))
            .Where(f => !f.parts[..^1].Any(p => p is "obj" or "bin"))
            .OrderBy(f => f.path, StringComparer.Ordinal)
            .Select(f => new SourceFile(f.path, FolderOf(f.parts, depth), File.ReadLines(f.path).Count()))
            .ToList();
        return new SourceTree(root, full, depth, files);
    }

    static string FolderOf(string[] parts, int depth)
    {
        var folders = parts[..^1];
        return folders.Length == 0 ? RootFolder : string.Join('/', folders.Take(depth));
    }
}
