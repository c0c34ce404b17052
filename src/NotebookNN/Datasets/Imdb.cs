using NotebookNN.Datasets.Download;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tensors;

namespace NotebookNN.Datasets;

/// <summary>The IMDB movie-review sentiment set (keras.datasets.imdb): 25,000 training and 25,000 test reviews.</summary>
public static class Imdb
{
    internal static readonly DatasetSource Source = DatasetSource.Keras("imdb.npz", sha256: "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f");
    internal static readonly DatasetSource WordIndexSource = DatasetSource.Keras("imdb_word_index.json", md5: "bfafd718b763782e994055a2d397834f");

    /// <summary>
    /// Loads the reviews as word-id sequences (<c>int[][]</c>) and labels (0 negative, 1 positive) with Keras's
    /// arguments and processing; the training rows are shuffled with <c>RandomState(seed)</c>, the test rows with
    /// <c>RandomState(2 * seed)</c>.
    /// </summary>
    /// <param name="numWords">Keep the most frequent words only (ids below numWords); others become <paramref name="oovChar"/>.</param>
    /// <param name="skipTop">Also treat the ids below this as out of vocabulary.</param>
    /// <param name="maxlen">Drop sequences of this length or longer.</param>
    /// <param name="seed">Shuffle seed.</param>
    /// <param name="startChar">Id put at the start of every sequence (null for none).</param>
    /// <param name="oovChar">Id replacing dropped words (null removes them).</param>
    /// <param name="indexFrom">Word ids are shifted by this (0 padding, 1 start, 2 out-of-vocabulary).</param>
    /// <param name="path">The file name in the cache.</param>
    public static ((int[][] X, Tensor Y) Train, (int[][] X, Tensor Y) Test) LoadData(int? numWords = null, int skipTop = 0,
        int? maxlen = null, int seed = 113, int? startChar = 1, int? oovChar = 2, int indexFrom = 3, string path = "imdb.npz") =>
        LoadFrom(DatasetCache.GetFile(Source with { FileName = path }), new(numWords, skipTop, maxlen, startChar, oovChar, indexFrom), seed);

    /// <summary>The word index (word → id before the <c>indexFrom</c> shift), from Keras's <c>imdb_word_index.json</c>.</summary>
    public static Dictionary<string, int> GetWordIndex(string path = "imdb_word_index.json") =>
        WordIndex.ReadFile(DatasetCache.GetFile(WordIndexSource with { FileName = path }));

    internal static ((int[][] X, Tensor Y) Train, (int[][] X, Tensor Y) Test) LoadFrom(string file, SequenceOptions options, int seed)
    {
        options.Validate();
        var a = NpzReader.ReadFile(file);
        var (xTrain, yTrain) = (a.Get("x_train", file).ToSequences(), a.Get("y_train", file).ToFloatArray());
        var (xTest, yTest) = (a.Get("x_test", file).ToSequences(), a.Get("y_test", file).ToFloatArray());
        var train = options.Prepare(xTrain, yTrain, DatasetArrays.KerasOrder(xTrain.Length, seed));
        var test = options.Prepare(xTest, yTest, DatasetArrays.KerasOrder(xTest.Length, seed * 2));
        if (options.Maxlen is not null) { options.RequireKept(train.X.Count); options.RequireKept(test.X.Count); }
        var all = options.Clip([.. train.X, .. test.X]);
        int k = train.X.Count;
        return ((all[..k], Tensor.From([.. train.Y])), (all[k..], Tensor.From([.. test.Y])));
    }
}
