namespace NotebookNN.Tests.Sklearn;

/// <summary>Utils.ToCategorical / MultiHot / PadSequences against loops written here and Keras's documented examples.</summary>
public class UtilsDataTests
{
    [Fact]
    public void ToCategoricalMatchesKerasExample()
    {
        // keras.utils.to_categorical([0, 1, 2, 3], num_classes=4) is the 4x4 identity.
        var eye = Utils.ToCategorical([0, 1, 2, 3], numClasses: 4).ToArray();
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) Assert.Equal(i == j ? 1f : 0f, eye[i * 4 + j]);
        var column = Utils.ToCategorical(Tensor.From(new float[,] { { 2 }, { 0 } }));
        Assert.Equal(new Shape(2, 3), column.Shape);
        Assert.Equal([0f, 0, 1, 1, 0, 0], column.ToArray());
        Assert.Contains("num_classes=2", Assert.Throws<ArgumentException>(() => Utils.ToCategorical([0, 2], numClasses: 2)).Message);
        Assert.Contains("-1", Assert.Throws<ArgumentException>(() => Utils.ToCategorical(Tensor.From([1f, -1f]))).Message);
    }

    [Fact]
    public void MultiHotSetsOnesAtEachIndex()
    {
        int[][] seqs = [[1, 5, 5, 9], [], [0]];
        var m = Utils.MultiHot(seqs, dimension: 10).ToArray();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 10; j++) Assert.Equal(seqs[i].Contains(j) ? 1f : 0f, m[i * 10 + j]);
        Assert.Contains("index 12", Assert.Throws<ArgumentException>(() => Utils.MultiHot([[12]], 10)).Message);
    }

    [Fact]
    public void EncodingsAllocateTheirResultOnce()
    {
        // IMDB's multi-hot matrix is 1 GB at 25,000 × 10,000: building it must not take a second copy for a moment
        var seqs = Enumerable.Range(0, 400).Select(i => new[] { i % 97, 5000 + i, 9999 }).ToArray();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var m = Utils.MultiHot(seqs, dimension: 10000);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(bytes, 400L * 10000 * 4, 400L * 10000 * 4 + 64 * 1024);
        // large enough for the parallel path over an uninitialized array: every value 0 or 1, ones exactly where asked
        var values = m.ToArray();
        Assert.All(values, v => Assert.True(v is 0f or 1f));
        Assert.Equal(3 * 400, values.Count(v => v == 1f));
        for (int i = 0; i < seqs.Length; i++)
            foreach (int w in seqs[i]) Assert.Equal(1f, values[i * 10000 + w]);

        var labels = Enumerable.Range(0, 100_000).Select(i => i % 10).ToArray();
        before = GC.GetAllocatedBytesForCurrentThread();
        var oneHot = Utils.ToCategorical(labels, numClasses: 10);
        bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        // the one-hot matrix (4 MB) plus the labels' copy (0.4 MB), not the matrix twice
        Assert.InRange(bytes, 100_000L * 10 * 4, 100_000L * 10 * 4 + 100_000L * 4 + 64 * 1024);
        Assert.Equal(new Shape(100_000, 10), oneHot.Shape);
    }

    [Fact]
    public void MultiHotTooLargeForOneTensorSaysSo()
    {
        var e = Assert.Throws<ArgumentException>(() => Utils.MultiHot(new int[300_000][].Select(_ => new[] { 1 }).ToArray(), dimension: 10000));
        Assert.Contains("300000 × 10000", e.Message);
        Assert.Contains("encode fewer sequences at a time", e.Message);
    }

    [Fact]
    public void PadSequencesNamesANullSequenceAndASizeNoTensorHolds()
    {
        var e = Assert.Throws<ArgumentException>(() => Utils.PadSequences([[1, 2], null!, [3]]));
        Assert.Contains("Sequence 1 is null", e.Message);
        var big = Assert.Throws<ArgumentException>(() => Utils.PadSequences([[1]], maxlen: int.MaxValue).Shape);
        Assert.Contains("pad fewer sequences at a time", big.Message);
        Assert.Contains("Sequence 0 is null", Assert.Throws<ArgumentException>(() => Utils.MultiHot([null!], 10)).Message);
    }

    [Fact]
    public void AdoptRejectsALengthThatDoesNotMatchTheShape()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Adopt(new float[5], 2, 3));
        Assert.Contains("(2, 3) (6 elements) from 5 values", e.Message);
        var data = new float[6];
        var t = Tensor.Adopt(data, 2, 3);
        data[4] = 7f; // shares the array, no copy
        Assert.Equal(7f, t[1][1].Item());
    }

    [Fact]
    public void PadSequencesPadsAndTruncatesLikeKeras()
    {
        int[][] seqs = [[1, 2, 3], [4, 5], [6, 7, 8, 9]];
        // keras.utils.pad_sequences(seqs) -> [[0 1 2 3] [0 0 4 5] [6 7 8 9]]
        Assert.Equal([0f, 1, 2, 3, 0, 0, 4, 5, 6, 7, 8, 9], Utils.PadSequences(seqs).ToArray());
        // maxlen=3, padding="post", truncating="post", value=-1 -> [[1 2 3] [4 5 -1] [6 7 8]]
        Assert.Equal([1f, 2, 3, 4, 5, -1, 6, 7, 8], Utils.PadSequences(seqs, maxlen: 3, padding: "post", truncating: "post", value: -1).ToArray());
        Assert.Equal([1f, 2, 3, 0, 4, 5, 7, 8, 9], Utils.PadSequences(seqs, maxlen: 3).ToArray());
        Assert.Contains("\"middle\"", Assert.Throws<ArgumentException>(() => Utils.PadSequences(seqs, padding: "middle")).Message);
    }
}
