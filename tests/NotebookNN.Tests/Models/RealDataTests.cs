using Xunit.Abstractions;
using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Models;

/// <summary>
/// The tutorials' models on the real datasets in ../shared/datasets (skipped with a message when absent): each must
/// reach the tutorial's quality on held-out data.
/// </summary>
public class RealDataTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void IrisSoftmaxReachesNinetyPercent()
    {
        var (x, y) = SharedData.SklearnCsv("iris.csv");
        var (xTr, yTr, xTe, yTe) = ShuffleSplit(x, y, 0.2, seed: 1);
        (xTr, xTe) = Standardize(xTr, xTe);
        Utils.SetRandomSeed(42);
        var model = new Sequential()
            .Add(new Dense(16, activation: "relu", inputShape: [4]))
            .Add(new Dense(3, activation: "softmax"))
            .Compile(optimizer: new Adam(0.01), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        model.Fit(xTr, yTr, epochs: 60, batchSize: 16, verbose: 0);
        var (_, acc) = model.Evaluate(xTe, yTe, verbose: 0);
        output.WriteLine($"iris test accuracy {acc:0.0000}");
        Assert.True(acc >= 0.9, $"iris test accuracy {acc}");
    }

    [SkippableFact]
    public void BreastCancerSigmoidReachesNinetyThreePercent()
    {
        var (x, y) = SharedData.SklearnCsv("breast_cancer.csv");
        var (xTr, yTr, xTe, yTe) = ShuffleSplit(x, y, 0.2, seed: 2);
        (xTr, xTe) = Standardize(xTr, xTe);
        Utils.SetRandomSeed(42);
        var model = new Sequential()
            .Add(new Input(shape: [x.Shape[1]]))
            .Add(new Dense(1, activation: "sigmoid"))
            .Compile(optimizer: "adam", loss: "binary_crossentropy", metrics: ["accuracy"]);
        model.Fit(xTr, yTr, epochs: 60, verbose: 0);
        var (_, acc) = model.Evaluate(xTe, yTe, verbose: 0);
        output.WriteLine($"breast cancer test accuracy {acc:0.0000}");
        Assert.True(acc >= 0.93, $"breast cancer test accuracy {acc}");
    }

    [SkippableFact]
    public void BostonLinearRegressionIsWithinTenPercentOfLeastSquares()
    {
        var (x, y) = SharedData.Boston();
        var (xTr, yTr, xTe, yTe) = ShuffleSplit(x, y, 0.2, seed: 3);
        (xTr, xTe) = Standardize(xTr, xTe);
        Utils.SetRandomSeed(42);
        var model = new Sequential().Add(new Input(shape: [13])).Add(new Dense(1))
            .Compile(loss: "mse", optimizer: new Adam(0.1));
        model.Fit(xTr, yTr, epochs: 200, verbose: 0);
        double rmse = Rmse(model.Predict(xTe).ToArray(), yTe.ToArray());
        double lsq = Rmse(LeastSquaresPredict(xTr, yTr, xTe), yTe.ToArray());
        output.WriteLine($"Boston test RMSE {rmse:0.0000}, least squares {lsq:0.0000}");
        Assert.True(rmse <= lsq * 1.1, $"Boston test RMSE {rmse}, least squares {lsq}");
    }

    [SkippableFact]
    public void MnistMlpWithRmspropReachesNinetyThreePercent()
    {
        var (images, labels) = SharedData.MnistTest();
        var x = images.Reshape(-1, 784) / 255f;
        Utils.SetRandomSeed(7);
        var model = new Sequential()
            .Add(new Dense(512, activation: "relu", inputShape: [784]))
            .Add(new Dense(10, activation: "softmax"))
            .Compile(optimizer: "rmsprop", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        model.Fit(x[..8000], labels[..8000], epochs: 5, batchSize: 128, verbose: 0);
        var (_, acc) = model.Evaluate(x[8000..], labels[8000..], verbose: 0);
        output.WriteLine($"MNIST held-out accuracy {acc:0.0000}");
        Assert.True(acc >= 0.93, $"MNIST held-out accuracy {acc}");
    }

    [SkippableFact]
    public void MnistConvnetReachesNinetySevenPercent()
    {
        // the convnet chapter without pooling: two strided 3×3 convolutions learn the digits from 8,000 images
        var (images, labels) = SharedData.MnistTest();
        var x = images.Reshape(-1, 28, 28, 1) / 255f;
        Utils.SetRandomSeed(7);
        var model = new Sequential()
            .Add(new Conv2D(32, 3, strides: 2, activation: "relu", inputShape: [28, 28, 1]))
            .Add(new Conv2D(64, 3, strides: 2, activation: "relu"))
            .Add(new Flatten())
            .Add(new Dense(64, activation: "relu"))
            .Add(new Dense(10, activation: "softmax"))
            .Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        model.Fit(x[..8000], labels[..8000], epochs: 5, batchSize: 32, verbose: 0);
        var (_, acc) = model.Evaluate(x[8000..], labels[8000..], verbose: 0);
        output.WriteLine($"MNIST convnet held-out accuracy {acc:0.0000}");
        Assert.True(acc >= 0.97, $"MNIST convnet held-out accuracy {acc}");
    }

    /// <summary>A seeded shuffle, then the last <paramref name="testFraction"/> as the test set.</summary>
    internal static (Tensor XTr, Tensor YTr, Tensor XTe, Tensor YTe) ShuffleSplit(Tensor x, Tensor y, double testFraction, int seed)
    {
        int n = x.Shape[0];
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        x = x.Gather(order);
        y = y.Gather(order);
        int train = n - (int)Math.Round(n * testFraction);
        return (x[..train], y[..train], x[train..], y[train..]);
    }

    /// <summary>Scales each feature to the training set's mean 0 / std 1 (computed here in float64).</summary>
    internal static (Tensor, Tensor) Standardize(Tensor train, Tensor test)
    {
        int d = train.Shape[1];
        var a = train.ToArray();
        var mean = new double[d];
        var std = new double[d];
        int n = a.Length / d;
        for (int i = 0; i < a.Length; i++) mean[i % d] += a[i] / (double)n;
        for (int i = 0; i < a.Length; i++) std[i % d] += Math.Pow(a[i] - mean[i % d], 2) / n;
        Tensor Apply(Tensor t)
        {
            var v = t.ToArray();
            for (int i = 0; i < v.Length; i++) v[i] = (float)((v[i] - mean[i % d]) / Math.Sqrt(std[i % d]));
            return Tensor.From(v, t.Shape);
        }
        return (Apply(train), Apply(test));
    }

    private static double Rmse(float[] pred, float[] y) => Math.Sqrt(pred.Zip(y, (p, t) => (p - (double)t) * (p - t)).Average());

    /// <summary>Ordinary least squares with an intercept: solves (XᵀX) w = Xᵀy in float64 by Gaussian elimination.</summary>
    private static float[] LeastSquaresPredict(Tensor xTrain, Tensor yTrain, Tensor xTest)
    {
        int d = xTrain.Shape[1] + 1, n = xTrain.Shape[0];
        var x = xTrain.ToArray();
        var y = yTrain.ToArray();
        var a = new double[d, d + 1];
        for (int s = 0; s < n; s++)
            for (int i = 0; i < d; i++)
            {
                double xi = i == 0 ? 1 : x[s * (d - 1) + i - 1];
                for (int j = 0; j < d; j++) a[i, j] += xi * (j == 0 ? 1 : x[s * (d - 1) + j - 1]);
                a[i, d] += xi * y[s];
            }
        for (int c = 0; c < d; c++)
        {
            int p = Enumerable.Range(c, d - c).MaxBy(r => Math.Abs(a[r, c]));
            for (int j = 0; j <= d; j++) (a[c, j], a[p, j]) = (a[p, j], a[c, j]);
            for (int r = 0; r < d; r++)
            {
                if (r == c) continue;
                double f = a[r, c] / a[c, c];
                for (int j = c; j <= d; j++) a[r, j] -= f * a[c, j];
            }
        }
        var w = Enumerable.Range(0, d).Select(i => a[i, d] / a[i, i]).ToArray();
        var xt = xTest.ToArray();
        int m = xTest.Shape[0];
        return Enumerable.Range(0, m).Select(s => (float)(w[0] + Enumerable.Range(1, d - 1).Sum(j => w[j] * xt[s * (d - 1) + j - 1]))).ToArray();
    }
}
