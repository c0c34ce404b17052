using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Functional;

/// <summary>Reshape, RepeatVector and Lambda against values computed by hand, with gradients by finite differences.</summary>
public class ReshapingLayerTests
{
    // Layers draw their initial weights from the global generator: seed it, so finite-difference checks
    // through ReLU never meet a kink by chance (test classes run one at a time).
    public ReshapingLayerTests() => Utils.SetRandomSeed(22);

    [Fact]
    public void ReshapeKeepsRowMajorOrderAndInfersMinusOne()
    {
        var x = Tensor.From(Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), new Shape(2, 6));
        var input = new Input(shape: [6]);
        var r = new Reshape([3, -1]);
        var y = r.Call(input);
        Assert.Equal(new Shape(3, 2), y.Shape);
        var model = new Model(input, y);
        var got = model.Predict(x, verbose: 0);
        Assert.Equal(new Shape(2, 3, 2), got.Shape);
        Assert.Equal(x.ToArray(), got.ToArray());
        var ex = Assert.Throws<ArgumentException>(() => new Reshape([4, 2]).Call(input));
        Assert.Contains("total size of new array must be unchanged", ex.Message);
        Assert.Throws<ArgumentException>(() => new Reshape([-1, -1]));
    }

    [Fact]
    public void RepeatVectorCopiesEachSampleNTimes()
    {
        var x = Tensor.RandomNormal(new Shape(2, 3), seed: 3);
        var y = new RepeatVector(4).Invoke(x);
        Assert.Equal(new Shape(2, 4, 3), y.Shape);
        var xs = x.ToArray();
        var ys = y.ToArray();
        for (int b = 0; b < 2; b++)
            for (int k = 0; k < 4; k++)
                for (int j = 0; j < 3; j++) Assert.Equal(xs[b * 3 + j], ys[(b * 4 + k) * 3 + j]);
        GradCheck.Check(t => new RepeatVector(3).Invoke(t[0]), [x]);
        Assert.Throws<ArgumentException>(() => new RepeatVector(2).Call(new Input(shape: [2, 3])));
    }

    [Fact]
    public void LambdaInfersItsOutputShapeAndPassesGradients()
    {
        var input = new Input(shape: [3]);
        var lambda = new Lambda(t => (t * t).Sum(axis: -1, keepDims: true));
        var y = lambda.Call(input);
        Assert.Equal(new Shape(1), y.Shape);
        var x = Tensor.RandomNormal(new Shape(2, 3), seed: 4);
        var got = new Model(input, y).Predict(x, verbose: 0).ToArray();
        var xs = x.ToArray();
        for (int b = 0; b < 2; b++)
            Assert.Equal(Enumerable.Range(0, 3).Sum(j => (double)xs[b * 3 + j] * xs[b * 3 + j]), got[b], 5e-5);
        GradCheck.Check(t => lambda.Invoke(t[0]), [x]);
    }

    [Fact]
    public void ALambdaThatReturnsNullSaysSo()
    {
        var lambda = new Lambda(_ => null!, name: "nothing");
        var e = Assert.Throws<InvalidOperationException>(() => new Sequential([lambda]).Predict(Tensor.Ones(new Shape(2, 4)), verbose: 0));
        Assert.Equal("The function of Lambda layer \"nothing\" returned null on input (1, 4); expected a tensor.", e.Message);
        Assert.Contains("returned null on input (2, 4)", Assert.Throws<InvalidOperationException>(() => lambda.Invoke(Tensor.Ones(new Shape(2, 4)))).Message);
    }
}
