using NotebookNN.Datasets;

namespace NotebookNN.Images;

/// <summary>
/// The image files of a directory and their labels, listed as Keras's <c>index_directory</c> lists them: class
/// folders are the directory's subfolders (not hidden), in ordinal order unless <c>class_names</c> fixes it; each class
/// folder is walked top-down (folders in ordinal order of their path, files sorted in each, linked folders not
/// followed), keeping the files whose name ends with an image extension; classes follow each other. With a shuffle,
/// paths and labels are permuted by numpy's <c>RandomState(seed).shuffle</c>, so the order is Keras's to the file.
/// Without labels the whole directory is walked as one.
/// </summary>
internal sealed class DirectoryIndex
{
    private DirectoryIndex(string[] paths, int[]? labels, string[]? classNames)
    {
        Paths = paths;
        Labels = labels;
        ClassNames = classNames;
    }

    /// <summary>The image files, in the order the dataset yields them.</summary>
    public string[] Paths { get; }

    /// <summary>Each file's class index, or null without labels.</summary>
    public int[]? Labels { get; }

    /// <summary>The classes by index, or null without labels.</summary>
    public string[]? ClassNames { get; }

    /// <summary>Lists <paramref name="directory"/>, refusing an empty class folder and a directory without images.</summary>
    public static DirectoryIndex Read(string directory, bool inferLabels, IReadOnlyList<string>? classNames, bool shuffle, int seed, bool verbose)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException(File.Exists(directory)
                ? $"`directory` must be a folder of images (one subfolder per class); '{directory}' is a file."
                : $"No such directory: '{directory}'.");
        var paths = new List<string>();
        var labels = new List<int>();
        string[]? classes = null;
        if (inferLabels)
        {
            classes = ClassFolders(directory, classNames);
            for (int c = 0; c < classes.Length; c++)
            {
                int before = paths.Count;
                paths.AddRange(ImageFiles(Path.Join(directory, classes[c])));
                if (paths.Count == before)
                    throw new InvalidDataException($"Class folder '{Path.Join(directory, classes[c])}' (class '{classes[c]}') holds no image files. Allowed formats: {ImageFile.FormatsText}. Add images to it, or remove the folder (or leave '{classes[c]}' out of `classNames`).");
                labels.AddRange(Enumerable.Repeat(c, paths.Count - before));
            }
            if (verbose) Console.WriteLine($"Found {paths.Count} files belonging to {classes.Length} classes.");
        }
        else
        {
            paths.AddRange(ImageFiles(directory));
            if (paths.Count == 0) throw NoImages(directory);
            if (verbose) Console.WriteLine($"Found {paths.Count} files.");
        }
        var pathArray = paths.ToArray();
        var labelArray = inferLabels ? labels.ToArray() : null;
        if (shuffle)
        {
            new NumpyRandomState(seed).Shuffle(pathArray);
            if (labelArray is not null) new NumpyRandomState(seed).Shuffle(labelArray);
        }
        return new DirectoryIndex(pathArray, labelArray, classes);
    }

    /// <summary>
    /// Keras's <c>get_training_or_validation_split</c>: the last int(split · n) files are the validation subset and
    /// the others the training subset (with Python's slicing, so when int(split · n) is 0 the training subset is empty
    /// and the validation subset is everything, as in Keras). Prints Keras's "Using N files for ..." line. A subset
    /// left without any image of some class is refused, naming the class.
    /// </summary>
    public DirectoryIndex Subset(double validationSplit, string subset, string directory)
    {
        int n = Paths.Length, numVal = (int)(validationSplit * n);
        bool training = subset == "training";
        int start = training ? 0 : numVal == 0 ? 0 : n - numVal;
        int count = training ? (numVal == 0 ? 0 : n - numVal) : (numVal == 0 ? n : numVal);
        Console.WriteLine(training ? $"Using {n - numVal} files for training." : $"Using {numVal} files for validation.");
        if (count == 0)
            throw new InvalidDataException(Invariant($"No {subset} images found in directory {directory}: validation_split={validationSplit} of {n} files leaves the {subset} subset empty (int({validationSplit} * {n}) = {numVal} files for validation). Allowed formats: {ImageFile.FormatsText}. Choose a `validationSplit` that leaves files on both sides, or add images."));
        var part = new DirectoryIndex(Paths[start..(start + count)], Labels?[start..(start + count)], ClassNames);
        part.CheckEveryClass(subset, validationSplit);
        return part;
    }

    /// <summary>
    /// A class with no image in the training subset cannot be learned: an error naming it. One missing from the
    /// validation subset (common with few files) is a warning naming it, on standard error as Python prints one.
    /// </summary>
    private void CheckEveryClass(string subset, double validationSplit)
    {
        if (Labels is null || ClassNames is null) return;
        var counts = new int[ClassNames.Length];
        foreach (int l in Labels) counts[l]++;
        int missing = Array.IndexOf(counts, 0);
        if (missing < 0) return;
        string what = Invariant($"The {subset} subset holds no image of class '{ClassNames[missing]}': validation_split={validationSplit} put every file of that class in the {(subset == "training" ? "validation" : "training")} subset, after shuffling with the seed.");
        if (subset == "training")
            throw new InvalidDataException($"{what} Add images to that class folder, lower `validationSplit`, or choose another `seed`.");
        Console.Error.WriteLine($"UserWarning: {what} Validation metrics will not cover that class.");
    }

    /// <summary>The class folders: sorted subfolders, or the given names after checking each is a subfolder.</summary>
    private static string[] ClassFolders(string directory, IReadOnlyList<string>? classNames)
    {
        var subdirs = Directory.EnumerateDirectories(directory, "*", AllEntries)
            .Select(Path.GetFileName).OfType<string>().Where(d => !d.StartsWith('.'))
            .Order(StringComparer.Ordinal).ToArray();
        if (classNames is not null)
        {
            if (!classNames.All(subdirs.Contains))
                throw new ArgumentException($"The `class_names` passed did not match the names of the subdirectories of the target directory. Expected: {PyList(subdirs)} (or a subset of it), but received: class_names={PyList(classNames)}", nameof(classNames));
            return [.. classNames];
        }
        if (subdirs.Length > 0) return subdirs;
        int loose = ImageFiles(directory).Count();
        throw new InvalidDataException(loose > 0
            ? $"No class folders in directory {directory}: with labels inferred from the folders, each class's images go in a subfolder named after the class ({Path.Join(directory, "cats")}/..., {Path.Join(directory, "dogs")}/...); found {loose} image files directly in it. Move them into class folders, or pass `labelMode: null` to read them without labels."
            : $"No images found in directory {directory}: it has no class folders. Allowed formats: {ImageFile.FormatsText}. Put each class's images in a subfolder named after the class.");
    }

    private static InvalidDataException NoImages(string directory) =>
        new($"No images found in directory {directory}. Allowed formats: {ImageFile.FormatsText}");

    /// <summary>The image files under <paramref name="root"/>: folders by ordinal path, files sorted in each.</summary>
    private static IEnumerable<string> ImageFiles(string root)
    {
        var folders = new List<string>();
        Walk(root, folders);
        foreach (var folder in folders.Order(StringComparer.Ordinal))
            foreach (var file in Directory.EnumerateFiles(folder, "*", AllEntries).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
                if (ImageFile.HasImageExtension(file)) yield return Path.Join(folder, file);
    }

    /// <summary>Every folder under <paramref name="folder"/>, itself included; linked folders are not entered (os.walk).</summary>
    private static void Walk(string folder, List<string> into)
    {
        into.Add(folder);
        foreach (var sub in Directory.EnumerateDirectories(folder, "*", AllEntries))
            if (new DirectoryInfo(sub).LinkTarget is null) Walk(sub, into);
    }

    /// <summary>Every entry, hidden or not (.NET skips hidden and system entries by default; Python does not).</summary>
    private static readonly EnumerationOptions AllEntries = new() { AttributesToSkip = 0 };

    private static string PyList(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(n => $"'{n}'")) + "]";
}
