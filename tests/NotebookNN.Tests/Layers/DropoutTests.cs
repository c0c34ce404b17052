using NotebookNN.Layers;

namespace NotebookNN.Tests.Layers;

/// <summary>Dropout's training statistics, scaling, inference identity and gradient.</summary>
public class DropoutTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void TrainingDropsTheRateAndScalesTheRest(double rate)
    {
        Utils.SetRandomSeed(11);
        var x = Tensor.Full(new Shape(500, 200), 2f);
        var y = new Dropout(rate).Call(x, training: true).ToArray();
        int kept = y.Count(v => v != 0);
        double fraction = kept / (double)y.Length;
        double sd = Math.Sqrt(rate * (1 - rate) / y.Length);
        Assert.True(Math.Abs(fraction - (1 - rate)) < 6 * sd, $"kept fraction {fraction}, expected {1 - rate}");
        float scaled = (float)(2 / (1 - rate));
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(scaled, v, 5));
        Assert.Equal(2.0, y.Average(v => (double)v), 1); // expected value preserved
    }

    [Fact]
    public void InferenceAndRateZeroAreIdentity()
    {
        var x = Tensor.From(new float[] { 1, -2, 3, 4 }, new Shape(2, 2));
        Assert.Equal(x.ToArray(), new Dropout(0.5).Call(x, training: false).ToArray());
        Assert.Equal(x.ToArray(), new Dropout(0.0).Call(x, training: true).ToArray());
    }

    [Fact]
    public void MasksDifferBetweenCallsButRepeatWithTheSeed()
    {
        var x = Tensor.Ones(new Shape(10, 50));
        Utils.SetRandomSeed(1);
        var d = new Dropout(0.5);
        var a = d.Call(x, training: true).ToArray();
        var b = d.Call(x, training: true).ToArray();
        Assert.NotEqual(a, b);
        Utils.SetRandomSeed(1);
        Assert.Equal(a, new Dropout(0.5).Call(x, training: true).ToArray());
    }

    [Fact]
    public void ASeededLayersMasksDifferBetweenCallsAndRepeatInAnotherLayerWithTheSeed()
    {
        // Keras's Dropout(seed=…) keeps a SeedGenerator whose state moves on: a fixed seed fixes the sequence of masks,
        // not one mask for every step.
        var x = Tensor.Ones(new Shape(10, 50));
        var d = new Dropout(0.5, seed: 7);
        var a = d.Call(x, training: true).ToArray();
        var b = d.Call(x, training: true).ToArray();
        Assert.NotEqual(a, b);
        var again = new Dropout(0.5, seed: 7);
        Assert.Equal(a, again.Call(x, training: true).ToArray());
        Assert.Equal(b, again.Call(x, training: true).ToArray());
    }

    [Fact]
    public void GradientIsTheMaskTimesTheScale()
    {
        Utils.SetRandomSeed(4);
        var x = new Variable(Tensor.From(Enumerable.Range(1, 40).Select(i => (float)i).ToArray(), new Shape(4, 10)), "x");
        var upstream = Tensor.From(Enumerable.Range(0, 40).Select(i => 0.1f * i - 1).ToArray(), new Shape(4, 10));
        Tensor y;
        Tensor? g;
        using (var tape = new GradientTape())
        {
            y = new Dropout(0.25).Call(x, training: true);
            g = tape.Gradient((y * upstream).Sum(), [x])[0];
        }
        var yv = y.ToArray();
        var gv = g!.ToArray();
        var xv = x.ToArray();
        var uv = upstream.ToArray();
        for (int i = 0; i < 40; i++)
        {
            bool kept = yv[i] != 0;
            if (kept) Assert.Equal(xv[i] / 0.75f, yv[i], 5e-5);
            Assert.Equal(kept ? uv[i] / 0.75f : 0f, gv[i], 5e-6);
        }
    }

    [Fact]
    public void FitUsesDropoutAndPredictDoesNot()
    {
        var model = new Sequential().Add(new Input(shape: [4])).Add(new Dropout(0.5)).Add(new Dense(1, kernelInitializer: "ones"));
        var x = Tensor.Ones(new Shape(8, 4));
        Assert.All(model.Predict(x).ToArray(), v => Assert.Equal(4f, v, 5));
        model.Compile(optimizer: "sgd", loss: "mse");
        // Target 4 is exactly the inference output; with dropout active the training loss is positive.
        Utils.SetRandomSeed(2);
        var train = model.TrainOnBatch(x, Tensor.Full(new Shape(8, 1), 4f)).Loss;
        Assert.True(train > 0.1, $"training loss {train}");
    }
}
