namespace NotebookNN.Datasets.Formats;

/// <summary>The exceptions a damaged .tar.gz raises while it is read (GZipStream, TarReader, the text inside).</summary>
internal static class ArchiveDamage
{
    /// <summary>True for what a truncated or corrupted archive throws: bad deflate data, a short read, a number that
    /// does not parse, and TarReader's InvalidOperationException for a header whose sizes do not fit.</summary>
    public static bool Is(Exception e) => e is InvalidDataException or EndOfStreamException or FormatException or InvalidOperationException;
}
