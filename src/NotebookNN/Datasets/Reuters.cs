using NotebookNN.Datasets.Download;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tensors;

namespace NotebookNN.Datasets;

/// <summary>The Reuters newswire topic set (keras.datasets.reuters): 11,228 newswires in 46 topics.</summary>
public static class Reuters
{
    internal static readonly DatasetSource Source = DatasetSource.Keras("reuters.npz", sha256: "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916");
    internal static readonly DatasetSource WordIndexSource = DatasetSource.Keras("reuters_word_index.json", md5: "4d44cc38712099c9e383dc6e5f11a921");

    private static readonly string[] LabelNames =
    [
        "cocoa", "grain", "veg-oil", "earn", "acq", "wheat", "copper", "housing", "money-supply", "coffee", "sugar",
        "trade", "reserves", "ship", "cotton", "carcass", "crude", "nat-gas", "cpi", "money-fx", "interest", "gnp",
        "meal-feed", "alum", "oilseed", "gold", "tin", "strategic-metal", "livestock", "retail", "ipi", "iron-steel",
        "rubber", "heat", "jobs", "lei", "bop", "zinc", "orange", "pet-chem", "dlr", "gas", "silver", "wpi", "hog", "lead",
    ];

    /// <summary>
    /// Loads the newswires as word-id sequences and topic labels 0..45, shuffled with <c>RandomState(seed)</c> and
    /// split at <c>int(n * (1 - testSplit))</c>; the other arguments are as in <see cref="Imdb.LoadData"/>.
    /// </summary>
    public static ((int[][] X, Tensor Y) Train, (int[][] X, Tensor Y) Test) LoadData(int? numWords = null, int skipTop = 0,
        int? maxlen = null, double testSplit = 0.2, int seed = 113, int? startChar = 1, int? oovChar = 2, int indexFrom = 3,
        string path = "reuters.npz") =>
        LoadFrom(DatasetCache.GetFile(Source with { FileName = path }), new(numWords, skipTop, maxlen, startChar, oovChar, indexFrom), testSplit, seed);

    /// <summary>The word index (word → id before the <c>indexFrom</c> shift), from Keras's <c>reuters_word_index.json</c>.</summary>
    public static Dictionary<string, int> GetWordIndex(string path = "reuters_word_index.json") =>
        WordIndex.ReadFile(DatasetCache.GetFile(WordIndexSource with { FileName = path }));

    /// <summary>The 46 topic names, index = label.</summary>
    public static IReadOnlyList<string> GetLabelNames() => LabelNames;

    internal static ((int[][] X, Tensor Y) Train, (int[][] X, Tensor Y) Test) LoadFrom(string file, SequenceOptions options, double testSplit, int seed)
    {
        options.Validate();
        var a = NpzReader.ReadFile(file);
        var xs = a.Get("x", file).ToSequences();
        var labels = a.Get("y", file).ToFloatArray();
        var (x, y) = options.Prepare(xs, labels, DatasetArrays.KerasOrder(xs.Length, seed));
        if (options.Maxlen is not null) options.RequireKept(x.Count);
        var all = options.Clip(x);
        int k = DatasetArrays.TrainCount(all.Length, testSplit);
        return ((all[..k], Tensor.From([.. y[..k]])), (all[k..], Tensor.From([.. y[k..]])));
    }
}
