namespace NotebookNN.Datasets.Download;

/// <summary>
/// One remote file a dataset needs: its name in the cache, Keras's URL and the expected hash
/// (<c>sha256</c> or <c>md5</c>, hex; null when Keras checks none).
/// </summary>
public sealed record DatasetSource(string FileName, string Url, string? Sha256 = null, string? Md5 = null, string? Subfolder = null)
{
    /// <summary>Keras's origin for its own dataset files.</summary>
    public const string KerasOrigin = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";

    /// <summary>A file from Keras's origin.</summary>
    public static DatasetSource Keras(string fileName, string? sha256 = null, string? md5 = null, string? subfolder = null) =>
        new(fileName, KerasOrigin + fileName, sha256, md5, subfolder);

    /// <summary>The file's path relative to a datasets folder.</summary>
    public string RelativePath => Subfolder is null ? FileName : Path.Combine(Subfolder, FileName);
}
