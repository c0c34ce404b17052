using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Layers;

/// <summary>BatchNormalization: training against a float64 reference and finite differences, the moving statistics
/// after several steps, inference with them, Fit / Predict / Evaluate modes, frozen layers and Keras's weights.</summary>
public class BatchNormalizationTests
{
    /// <summary>Training-mode batch norm in float64: per channel of <paramref name="axis"/> (in a row-major tensor of
    /// <paramref name="dims"/>), mean and biased variance over every other axis; returns y, the batch statistics and,
    /// for an output gradient, the gradients of x, γ and β by differentiating through the statistics.</summary>
    private static (double[] Y, double[] Mean, double[] Var, double[] Dx, double[] DGamma, double[] DBeta) Reference(
        double[] x, int[] dims, int axis, double[] gamma, double[] beta, double eps, double[] dy)
    {
        int channels = dims[axis], inner = dims.Skip(axis + 1).Aggregate(1, (a, b) => a * b);
        int Channel(int i) => i / inner % channels;
        int n = x.Length / channels;
        var mean = new double[channels];
        var variance = new double[channels];
        for (int i = 0; i < x.Length; i++) mean[Channel(i)] += x[i] / n;
        for (int i = 0; i < x.Length; i++) variance[Channel(i)] += (x[i] - mean[Channel(i)]) * (x[i] - mean[Channel(i)]) / n;
        var xhat = x.Select((v, i) => (v - mean[Channel(i)]) / Math.Sqrt(variance[Channel(i)] + eps)).ToArray();
        var y = xhat.Select((v, i) => v * gamma[Channel(i)] + beta[Channel(i)]).ToArray();
        var dBeta = new double[channels];
        var dGamma = new double[channels];
        for (int i = 0; i < x.Length; i++) { dBeta[Channel(i)] += dy[i]; dGamma[Channel(i)] += dy[i] * xhat[i]; }
        // dL/dxhat = dy·γ; through xhat = (x − μ)/σ with μ and σ² functions of x:
        var dVar = new double[channels];
        var dMean = new double[channels];
        for (int i = 0; i < x.Length; i++)
        {
            int c = Channel(i);
            double dxhat = dy[i] * gamma[c];
            dVar[c] += dxhat * (x[i] - mean[c]) * -0.5 * Math.Pow(variance[c] + eps, -1.5);
            dMean[c] += -dxhat / Math.Sqrt(variance[c] + eps);
        }
        var dx = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int c = Channel(i);
            dx[i] = dy[i] * gamma[c] / Math.Sqrt(variance[c] + eps) + dVar[c] * 2 * (x[i] - mean[c]) / n + dMean[c] / n;
        }
        return (y, mean, variance, dx, dGamma, dBeta);
    }

    private static double[] Random(int n, int seed, double scale = 1, double offset = 0)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (double)(float)(offset + scale * (rng.NextDouble() * 2 - 1))).ToArray();
    }

    private static Tensor T(double[] v, params int[] dims) => Tensor.From([.. v.Select(d => (float)d)], new Shape(dims));

    private static void Close(double[] expected, float[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"{what}[{i}]: expected {expected[i]}, got {actual[i]}");
    }

    public static TheoryData<int[], int> Shapes => new()
    {
        { [3, 5], -1 }, { [32, 7], -1 }, { [1, 4, 3, 6], -1 }, { [3, 5, 7, 9], -1 }, { [32, 6, 6, 16], -1 },
        { [3, 4, 5, 2], 1 }, { [3, 4, 5, 3], 2 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TrainingForwardAndBackwardMatchTheFloat64Reference(int[] dims, int axis)
    {
        int a = axis < 0 ? axis + dims.Length : axis, channels = dims[a], size = dims.Aggregate(1, (p, d) => p * d);
        var xs = Random(size, seed: size, scale: 3, offset: 2);
        var layer = new BatchNormalization(axis: axis, gammaInitializer: "random_normal", betaInitializer: "random_normal");
        var x = T(xs, dims);
        layer.EnsureBuilt(new Shape(dims[1..]));
        var gamma = layer.Gamma!.ToArray().Select(v => (double)v).ToArray();
        var beta = layer.Beta!.ToArray().Select(v => (double)v).ToArray();
        var dy = Random(size, seed: 7);
        var r = Reference(xs, dims, a, gamma, beta, 1e-3, dy);

        Tensor y;
        Tensor?[] grads;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            y = layer.Call(x, training: true);
            grads = tape.Gradient(y, [x, layer.Gamma, layer.Beta], T(dy, dims));
        }
        Close(r.Y, y.ToArray(), 2e-5, "y");
        Close(r.Dx, grads[0]!.ToArray(), 2e-4, "dx");
        Close(r.DGamma, grads[1]!.ToArray(), 2e-4, "dgamma");
        Close(r.DBeta, grads[2]!.ToArray(), 2e-5, "dbeta");
        // the moving statistics moved 1% toward the batch's (biased variance, as Keras 3)
        Close(r.Mean.Select(m => 0.01 * m).ToArray(), layer.MovingMean!.ToArray(), 1e-5, "moving_mean");
        Close(r.Var.Select(v => 0.99 + 0.01 * v).ToArray(), layer.MovingVariance!.ToArray(), 1e-5, "moving_variance");
        Assert.Equal(channels, layer.MovingMean!.Size);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void GradientsMatchFiniteDifferences(bool center, bool scale)
    {
        var x = T(Random(3 * 3 * 2 * 4, seed: 3, scale: 2), 3, 3, 2, 4);
        Tensor? gamma = scale ? T(Random(4, seed: 4, offset: 1), 4) : null, beta = center ? T(Random(4, seed: 5), 4) : null;
        Tensor[] inputs = [x, .. new[] { gamma, beta }.OfType<Tensor>()];
        GradCheck.Check(t => Tensor.BatchNormalizationTraining(t[0], 3, scale ? t[1] : null, center ? t[^1] : null, 1e-3, out _, out _),
            inputs, step: 1e-2, tolerance: 2e-2);
    }

    [Fact]
    public void MovingStatisticsAfterSeveralStepsAndInferenceUseThem()
    {
        var layer = new BatchNormalization(momentum: 0.9);
        double[] movingMean = [0, 0, 0], movingVar = [1, 1, 1];
        for (int step = 0; step < 5; step++)
        {
            var xs = Random(8 * 3, seed: 20 + step, scale: 2, offset: step);
            layer.Call(T(xs, 8, 3), training: true);
            var r = Reference(xs, [8, 3], 1, [1, 1, 1], [0, 0, 0], 1e-3, new double[24]);
            for (int c = 0; c < 3; c++)
            {
                movingMean[c] = movingMean[c] * 0.9 + r.Mean[c] * 0.1;
                movingVar[c] = movingVar[c] * 0.9 + r.Var[c] * 0.1;
            }
        }
        Close(movingMean, layer.MovingMean!.ToArray(), 1e-5, "moving_mean");
        Close(movingVar, layer.MovingVariance!.ToArray(), 1e-5, "moving_variance");

        var test = Random(4 * 3, seed: 99, scale: 5);
        var before = layer.MovingMean!.ToArray();
        var y = layer.Call(T(test, 4, 3)).ToArray();
        var expected = test.Select((v, i) => (v - movingMean[i % 3]) / Math.Sqrt(movingVar[i % 3] + 1e-3)).ToArray();
        Close(expected, y, 2e-5, "inference y");
        Assert.Equal(before, layer.MovingMean!.ToArray()); // inference leaves them
    }

    [Fact]
    public void FitUpdatesTheMovingStatisticsAndPredictAndEvaluateDoNot()
    {
        var x = T(Random(64 * 2, seed: 1, scale: 3, offset: 5), 64, 2);
        var y = T(Random(64, seed: 2), 64, 1);
        var bn = new BatchNormalization();
        var model = new Sequential([new Input([2]), bn, new Dense(1)]);
        model.Compile(optimizer: "sgd", loss: "mse");
        var mean0 = bn.MovingMean!.ToArray();
        model.Predict(x, verbose: 0);
        model.Evaluate(x, y, verbose: 0);
        Assert.Equal(mean0, bn.MovingMean!.ToArray());
        model.Fit(x, y, batchSize: 16, epochs: 1, verbose: 0, shuffle: false);
        // four steps, each moving 1% of the way toward a batch mean near 5
        var moved = bn.MovingMean!.ToArray();
        Assert.All(moved, m => Assert.InRange(m, 0.15, 0.25));
        var after = bn.MovingMean!.ToArray();
        model.Evaluate(x, y, verbose: 0);
        Assert.Equal(after, bn.MovingMean!.ToArray());
    }

    [Fact]
    public void AFrozenLayerRunsInInferenceModeAndCountsAllItsWeightsAsNonTrainable()
    {
        var layer = new BatchNormalization { Trainable = false };
        var x = T(Random(6 * 2, seed: 3, scale: 4, offset: 3), 6, 2);
        var y = layer.Call(x, training: true).ToArray();
        Assert.Equal(new float[] { 0, 0 }, layer.MovingMean!.ToArray());
        Close(x.ToArray().Select(v => v / Math.Sqrt(1 + 1e-3)).ToArray(), y, 1e-6, "y");
        Assert.Empty(layer.TrainableWeights);
        Assert.Equal(4, layer.NonTrainableWeights.Count);
    }

    [Fact]
    public void InferenceUnderATapeIsTheSameAndDifferentiable()
    {
        var layer = new BatchNormalization(gammaInitializer: "random_normal");
        var x = T(Random(5 * 3, seed: 8, scale: 2), 5, 3);
        layer.EnsureBuilt(x);
        layer.MovingVariance!.Assign(T([0.5, 2, 3], 3));
        layer.MovingMean!.Assign(T([1, -1, 0.25], 3));
        var plain = layer.Call(x).ToArray();
        Tensor? dx;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            var y = layer.Call(x);
            Close([.. plain.Select(v => (double)v)], y.ToArray(), 1e-6, "y");
            dx = tape.Gradient(y, x);
        }
        var (g, v) = (layer.Gamma!.ToArray(), layer.MovingVariance!.ToArray());
        Close(Enumerable.Range(0, 15).Select(i => g[i % 3] / Math.Sqrt(v[i % 3] + 1e-3)).ToArray(), dx!.ToArray(), 1e-6, "dx");
    }

    [Fact]
    public void WeightsAreKerasOrderAndShapes()
    {
        var layer = new BatchNormalization(name: "bn");
        layer.EnsureBuilt(new Shape(5, 5, 8));
        Assert.Equal(["bn/gamma", "bn/beta", "bn/moving_mean", "bn/moving_variance"], layer.Weights.Select(w => w.Name));
        Assert.All(layer.Weights, w => Assert.Equal(new Shape(8), w.Shape));
        Assert.Equal([true, true, false, false], layer.Weights.Select(w => w.Trainable));
        Assert.Equal(32, layer.CountParams());
        var noScale = new BatchNormalization(scale: false, center: false, name: "bare");
        noScale.EnsureBuilt(new Shape(3));
        Assert.Equal(["bare/moving_mean", "bare/moving_variance"], noScale.Weights.Select(w => w.Name));
        Assert.Equal((0.99, 1e-3, -1), (layer.Momentum, layer.Epsilon, layer.Axis));
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        Assert.Contains("Received: momentum=1.5", Assert.Throws<ArgumentException>(() => new BatchNormalization(momentum: 1.5)).Message);
        Assert.Contains("Received: epsilon=0", Assert.Throws<ArgumentException>(() => new BatchNormalization(epsilon: 0)).Message);
        var e = Assert.Throws<ArgumentException>(() => new BatchNormalization(axis: 3, name: "bn").EnsureBuilt(new Shape(4, 4)));
        Assert.Contains("axis=3 for inputs of shape (None, 4, 4)", e.Message);
    }
}
