using NotebookNN.Datasets;
using NotebookNN.Datasets.Formats;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Datasets;

/// <summary>Boston / IMDB / Reuters / MNIST loaders on the keras-format files, compared with numpy's shuffles and splits.</summary>
public class KerasDatasetTests
{
    [SkippableTheory]
    [InlineData(113, 0.2)]
    [InlineData(7, 0.35)]
    public void BostonSplitEqualsNumpy(int seed, double testSplit)
    {
        var file = SharedData.Require("keras-format/boston_housing.npz");
        var ((xTrain, yTrain), (xTest, yTest)) = BostonHousing.LoadFrom(file, testSplit, seed);
        var order = DataFixtures.NumpyShuffle.GetProperty($"boston_indices_{seed}").Ints();
        int k = (int)(506 * (1 - testSplit));
        if (seed == 113) Assert.Equal(DataFixtures.NumpyShuffle.GetProperty("boston_train_count").GetInt32(), k);
        Assert.Equal(new Shape(k, 13), xTrain.Shape);
        Assert.Equal(new Shape(506 - k, 13), xTest.Shape);
        var (x, y) = SharedData.Boston();
        var xs = x.ToArray();
        var ys = y.ToArray();
        for (int i = 0; i < 506; i++)
        {
            var row = i < k ? xTrain[i].ToArray() : xTest[i - k].ToArray();
            Assert.Equal(xs.AsSpan(order[i] * 13, 13).ToArray(), row);
            Assert.Equal(ys[order[i]], i < k ? yTrain.ToArray()[i] : yTest.ToArray()[i - k]);
        }
    }

    [SkippableFact]
    public void BostonDefaultShapesAreKeras()
    {
        var ((xTrain, yTrain), (xTest, yTest)) = BostonHousing.LoadFrom(SharedData.Require("keras-format/boston_housing.npz"));
        Assert.Equal("(404, 13) (404,) (102, 13) (102,)", $"{xTrain.Shape} {yTrain.Shape} {xTest.Shape} {yTest.Shape}");
    }

    [SkippableFact]
    public void ImdbEqualsNumpyForEachOptionSet()
    {
        var file = SharedData.Require("keras-format/imdb-fixture.npz");
        foreach (var c in DataFixtures.NumpyShuffle.GetProperty("imdb").EnumerateArray())
        {
            var opts = Options(c);
            var ((xTrain, yTrain), (xTest, yTest)) = Imdb.LoadFrom(file, opts, 113);
            Assert.Equal(c.GetProperty("x_train").Sequences(), xTrain);
            Assert.Equal(c.GetProperty("y_train").Ints().Select(v => (float)v), yTrain.ToArray());
            Assert.Equal(c.GetProperty("x_test").Sequences(), xTest);
            Assert.Equal(c.GetProperty("y_test").Ints().Select(v => (float)v), yTest.ToArray());
        }
    }

    [SkippableFact]
    public void ReutersEqualsNumpyForEachOptionSet()
    {
        var file = SharedData.Require("keras-format/reuters-fixture.npz");
        foreach (var c in DataFixtures.NumpyShuffle.GetProperty("reuters").EnumerateArray())
        {
            var ((xTrain, yTrain), (xTest, yTest)) = Reuters.LoadFrom(file, Options(c), c.GetProperty("test_split").GetDouble(), 113);
            Assert.Equal(c.GetProperty("x_train").Sequences(), xTrain);
            Assert.Equal(c.GetProperty("y_train").Ints().Select(v => (float)v), yTrain.ToArray());
            Assert.Equal(c.GetProperty("x_test").Sequences(), xTest);
            Assert.Equal(c.GetProperty("y_test").Ints().Select(v => (float)v), yTest.ToArray());
        }
        Assert.Equal(46, Reuters.GetLabelNames().Count);
        Assert.Equal("earn", Reuters.GetLabelNames()[3]);
    }

    [SkippableFact]
    public void MaxlenThatKeepsNothingIsAnError()
    {
        var file = SharedData.Require("keras-format/reuters-fixture.npz");
        var e = Assert.Throws<ArgumentException>(() => Reuters.LoadFrom(file, new(null, 0, 1, 1, 2, 3), 0.2, 113));
        Assert.Contains("maxlen=1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Reuters.LoadFrom(file, new(null, 0, null, 1, 2, 3), 1.5, 113));
        Assert.Throws<ArgumentOutOfRangeException>(() => Reuters.LoadFrom(file, new(0, 0, null, 1, 2, 3), 0.2, 113));
    }

    [SkippableFact]
    public void MnistNpzLoadsWithKerasShapesAndDeconstructs()
    {
        var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadFrom(SharedData.Require("keras-format/mnist.npz"));
        Assert.Equal("(8000, 28, 28) (8000,) (2000, 28, 28) (2000,)", $"{xTrain.Shape} {yTrain.Shape} {xTest.Shape} {yTest.Shape}");
        var (images, labels) = SharedData.MnistTest();
        Assert.Equal(images[..8000].ToArray(), xTrain.ToArray());
        Assert.Equal(labels[8000..].ToArray(), yTest.ToArray());
    }

    [SkippableFact]
    public void WordIndexDecodesSequences()
    {
        var index = WordIndex.ReadFile(SharedData.Require("keras-format/word_index-fixture.json"));
        Assert.Equal(1, index["w1"]);
        // Keras's convention: ids 0, 1, 2 are padding/start/OOV, word id w is stored as w + 3.
        Assert.Equal("? w1 w7 ?", WordIndex.Decode([1, 4, 10, 2], index));
        using var tmp = new TempFolder();
        File.WriteAllText(tmp.File("bad.json"), "{\"a\": 1, \"b\":");
        Assert.Contains("bad.json", Assert.Throws<InvalidDataException>(() => WordIndex.ReadFile(tmp.File("bad.json"))).Message);
    }

    private static SequenceOptions Options(System.Text.Json.JsonElement c) => new(
        c.GetProperty("num_words").ValueKind == System.Text.Json.JsonValueKind.Null ? null : c.GetProperty("num_words").GetInt32(),
        c.GetProperty("skip_top").GetInt32(),
        c.GetProperty("maxlen").ValueKind == System.Text.Json.JsonValueKind.Null ? null : c.GetProperty("maxlen").GetInt32(),
        1, 2, 3);
}
