using NotebookNN.Datasets.Download;

namespace NotebookNN.Learn;

/// <summary>
/// Opens scikit-learn's bundled CSV files. They are embedded into the assembly at build time when
/// <c>../shared/datasets/sklearn</c> (or the folder in the MSBuild property <c>NotebookNNSklearnData</c>) exists;
/// otherwise they are looked for at run time in the folder named by <c>NOTEBOOKNN_DATASETS</c> (directly or in its
/// <c>sklearn</c> subfolder).
/// </summary>
internal static class SklearnDataFiles
{
    public const string ResourcePrefix = "NotebookNN.Sklearn.Data.";

    public static Stream Open(string file) => Open(file, Environment.GetEnvironmentVariable(DatasetCache.FolderVariable), ResourcePrefix);

    internal static Stream Open(string file, string? userFolder, string resourcePrefix)
    {
        var embedded = typeof(SklearnDataFiles).Assembly.GetManifestResourceStream(resourcePrefix + file);
        if (embedded is not null) return embedded;
        if (!string.IsNullOrEmpty(userFolder))
            foreach (var candidate in new[] { Path.Combine(userFolder, "sklearn", file), Path.Combine(userFolder, file) })
                if (File.Exists(candidate)) return File.OpenRead(candidate);
        throw new FileNotFoundException(
            $"scikit-learn's '{file}' is not bundled in this build of NotebookNN and was not found in {(string.IsNullOrEmpty(userFolder) ? "the folder named by NOTEBOOKNN_DATASETS (the variable is not set)" : $"'{userFolder}' or '{Path.Combine(userFolder, "sklearn")}'")}. " +
            $"Copy it from scikit-learn's package (sklearn/datasets/data/{file}) into a folder and set the environment variable {DatasetCache.FolderVariable} to that folder, " +
            "or rebuild NotebookNN with the files in ../shared/datasets/sklearn (or -p:NotebookNNSklearnData=<folder>) to embed them.", file);
    }
}
