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
