namespace NotebookNN.Datasets.Download;

/// <summary>
/// Checks a dataset file found on disk against the hashes known for it, wherever it was found: Keras's (or the
/// dataset's publisher's) hash, the record written when the file was extracted from a checked archive, or the
/// SHA-256 a <c>NOTEBOOKNN_DATASETS</c> folder declares for a deliberate stand-in in its <see cref="StandInList"/>.
/// A file matching any of them is used; a file none of them matches is refused, naming it; a file nothing is known
/// about is used as it is.
/// </summary>
internal static class KnownFile
{
    /// <summary>The list, at the root of a <c>NOTEBOOKNN_DATASETS</c> folder, of stand-in files and their SHA-256.</summary>
    public const string StandInList = "STANDINS.sha256";

    /// <summary>The record written into a folder extracted from a hash-checked archive: the SHA-256 of each file it held.</summary>
    public const string ExtractedRecord = "SHA256SUMS";

    /// <summary>One acceptable hash: its algorithm ("SHA-256" or "MD5"), hex value and where it comes from.</summary>
    public readonly record struct Expected(string Kind, string Hash, string From);

    /// <summary>A file of <paramref name="source"/> found in the <c>NOTEBOOKNN_DATASETS</c> folder <paramref name="folder"/>.</summary>
    public static void CheckOffline(string path, DatasetSource source, string folder)
    {
        var expected = new List<Expected>();
        if ((source.Sha256 ?? source.Md5) is { } hash) expected.Add(new(FileHash.Kind(source), hash, $"{source.FileName}'s published hash"));
        AddStandIn(expected, folder, source.RelativePath);
        Check(path, expected, folder);
    }

    /// <summary>
    /// The files of an extracted folder (<paramref name="published"/>: file name → published MD5), checked against
    /// those, the record written when the folder was extracted, and the stand-ins its parent folder lists.
    /// </summary>
    public static void CheckFolder(string folder, IReadOnlyDictionary<string, string> published)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        var recordFile = Path.Combine(folder, ExtractedRecord);
        var record = HashList.Read(recordFile);
        foreach (var (name, md5) in published)
        {
            var expected = new List<Expected> { new("MD5", md5, $"{name}'s published hash") };
            if (record.TryGetValue(name, out var recorded)) expected.Add(new("SHA-256", recorded, $"'{recordFile}' (written when the archive was extracted)"));
            AddStandIn(expected, parent, $"{Path.GetFileName(folder)}/{name}");
            Check(Path.Combine(folder, name), expected, parent);
        }
    }

    private static void AddStandIn(List<Expected> expected, string folder, string relativePath)
    {
        var list = Path.Combine(folder, StandInList);
        if (HashList.Read(list).TryGetValue(relativePath.Replace('\\', '/'), out var hash)) expected.Add(new("SHA-256", hash, $"'{list}'"));
    }

    /// <summary>Refuses <paramref name="path"/> unless it matches one of <paramref name="expected"/> (or nothing is expected).</summary>
    public static void Check(string path, IReadOnlyList<Expected> expected, string folder)
    {
        if (expected.Count == 0) return;
        var actual = new Dictionary<string, string>();
        foreach (var e in expected)
        {
            if (!actual.TryGetValue(e.Kind, out var hash)) actual[e.Kind] = hash = FileHash.Compute(path, e.Kind);
            if (string.Equals(hash, e.Hash, StringComparison.OrdinalIgnoreCase)) return;
        }
        throw new InvalidDataException(
            $"The file '{path}' is damaged or is not the dataset's file: its {string.Join(" and ", actual.Select(kv => $"{kv.Key} is {kv.Value}"))}, " +
            $"expected {string.Join(", or ", expected.Select(e => $"the {e.Kind} {e.Hash} of {e.From}"))}. Delete or replace it " +
            $"(a deliberate stand-in in the same format is used when its SHA-256 is listed in '{Path.Combine(folder, StandInList)}', one '<sha256>  <relative path>' a line as sha256sum writes).");
    }
}
