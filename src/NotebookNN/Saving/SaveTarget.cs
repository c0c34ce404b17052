using NotebookNN.Files;

namespace NotebookNN.Saving;

/// <summary>
/// Checks a save destination before anything is written and opens the temporary file beside it, so a bad path fails
/// at once with a message about the path the user gave (not a raw OS error naming the hidden temporary file after the
/// whole model was written). Used by <c>Save</c>, <c>SaveWeights</c> and <c>ModelCheckpoint</c>.
/// </summary>
internal static class SaveTarget
{
    /// <summary>The temporary file's name: <c>.{name}.{pid}.{guid}.tmp</c> beside the target (see <see cref="SideFiles"/>).</summary>
    private const string Prefix = ".", Suffix = ".tmp";

    /// <summary>
    /// Checks <paramref name="path"/>, creates its folder, deletes temporary files that killed saves of the same target
    /// left, and opens a new temporary file beside it (release it with <see cref="SideFiles.Release"/>).
    /// </summary>
    /// <param name="path">The destination as the user gave it (messages name it).</param>
    /// <param name="what">What is saved, for messages: <c>the model</c>, <c>the weights</c>.</param>
    /// <param name="full">The destination's full path.</param>
    /// <param name="temp">The temporary file opened.</param>
    public static FileStream OpenTemp(string path, string what, out string full, out string temp)
    {
        full = Check(path, what);
        var dir = Path.GetDirectoryName(full)!;
        try { Directory.CreateDirectory(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot save {what} to '{path}': its folder '{dir}' could not be created ({Reason(e, dir)}).", e);
        }
        SideFiles.RemoveStale(full, Prefix, Suffix);
        temp = SideFiles.Create(full, Prefix, Suffix);
        try { return new FileStream(temp, FileMode.CreateNew, FileAccess.Write); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            SideFiles.Release(temp);
            throw new IOException($"Cannot save {what} to '{path}': no file can be created in the folder '{dir}' ({Reason(e, temp)}).", e);
        }
    }

    /// <summary>Writes a file atomically: <paramref name="write"/> fills a temporary file beside <paramref name="path"/>,
    /// which is then renamed over it, so a failed or interrupted write never leaves half a file where the last good one was.</summary>
    /// <param name="path">The destination as the user gave it (messages name it).</param>
    /// <param name="what">What is saved, for messages: <c>the model</c>, <c>the plot</c>.</param>
    /// <param name="write">Fills the stream.</param>
    public static void WriteAtomic(string path, string what, Action<FileStream> write)
    {
        var file = OpenTemp(path, what, out var full, out var temp);
        try
        {
            using (file)
            {
                write(file);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            SideFiles.Release(temp);
        }
    }

    /// <summary>Checks the destination and its folder without writing; throws a message about <paramref name="path"/>.</summary>
    public static void Probe(string path, string what)
    {
        OpenTemp(path, what, out _, out var temp).Dispose();
        SideFiles.Release(temp);
    }

    /// <summary>The full path, after checking it names no directory and no folder on the way is a file.</summary>
    private static string Check(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException($"Expected a file path to save {what} to. Received: filepath='{path}'");
        string full;
        try { full = Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"Cannot save {what} to '{path}': it is not a valid file path ({e.Message}).", e);
        }
        if (Directory.Exists(full) || Path.EndsInDirectorySeparator(path))
            throw new IOException($"Please specify a non-directory filepath to save {what} to. Filepath used is a directory: '{path}'. " +
                $"Name a file in it, e.g. '{Path.Join(path, "model.keras")}'.");
        for (var dir = Path.GetDirectoryName(full); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
                throw new IOException($"Cannot save {what} to '{path}': '{dir}' is a file, not a folder.");
            if (Directory.Exists(dir)) break;
        }
        return full;
    }

    /// <summary>Why the OS refused, without the OS message's path (the hidden temporary file's, which the user never named).</summary>
    private static string Reason(Exception e, string named) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "the file system does not allow it there",
        _ => e.Message.Replace($" : '{named}'", "").Replace($"'{named}'", "it").Replace(named, "it").TrimEnd('.', ' '),
    };
}
