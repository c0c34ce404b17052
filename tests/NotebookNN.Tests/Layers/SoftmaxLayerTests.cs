using NotebookNN.Layers;

namespace NotebookNN.Tests.Layers;

/// <summary>keras.layers.Softmax as TensorFlow's quickstart uses it: a logits model wrapped with a softmax on top.</summary>
public class SoftmaxLayerTests
{
    [Fact]
    public void WrapsALogitsModelIntoProbabilitiesAsTheQuickstartDoes()
    {
        Utils.SetRandomSeed(3);
        var model = new Sequential([new Flatten(inputShape: [4, 4]), new Dense(8, activation: "relu"), new Dense(5)]);
        var x = Tensor.RandomUniform(new Shape(6, 4, 4), seed: 5);
        var logits = model.Predict(x, verbose: 0).ToArray();
        var probabilityModel = new Sequential([model, new Softmax()]);
        var p = probabilityModel.Predict(x, verbose: 0);
        Assert.Equal(new Shape(6, 5), p.Shape);
        var got = p.ToArray();
        for (int r = 0; r < 6; r++)
        {
            // float64 softmax of the logits, computed here
            double max = Enumerable.Range(0, 5).Max(j => (double)logits[r * 5 + j]);
            double sum = Enumerable.Range(0, 5).Sum(j => Math.Exp(logits[r * 5 + j] - max));
            for (int j = 0; j < 5; j++) Assert.Equal(Math.Exp(logits[r * 5 + j] - max) / sum, got[r * 5 + j], 6);
        }
        Assert.Matches(@" softmax(_\d+)? \(Softmax\) ", probabilityModel.Summary().ToString()); // Keras's default name
    }

    [Fact]
    public void NormalisesTheAxisItIsGivenAndSavesIt()
    {
        var x = Tensor.From(new float[] { 1, 2, 3, 4, 5, 6 }, new Shape(1, 2, 3));
        var byColumn = new Softmax(axis: 1).Invoke(x).ToArray();
        for (int j = 0; j < 3; j++) Assert.Equal(1.0, byColumn[j] + byColumn[3 + j], 6);
        var m = new Sequential([new Dense(3, inputShape: [2]), new Softmax(axis: -1, name: "probs")]);
        var path = Path.Combine(Path.GetTempPath(), $"softmax-{Guid.NewGuid():N}.keras");
        try
        {
            m.Save(path);
            var loaded = Keras.Models.LoadModel(path);
            Assert.Equal(-1, Assert.IsType<Softmax>(loaded.Layers[1]).Axis);
            var input = Tensor.Ones(new Shape(2, 2));
            Assert.Equal(m.Predict(input, verbose: 0).ToArray(), loaded.Predict(input, verbose: 0).ToArray());
        }
        finally { File.Delete(path); }
    }
}
