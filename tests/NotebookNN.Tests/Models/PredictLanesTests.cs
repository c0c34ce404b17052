using NotebookNN.Callbacks;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Models;

/// <summary>
/// Predict with verbose 0 runs the batches of a plain Sequential model of built-in layers on all cores at once (one
/// batch, or for one to three large batches one chunk of rows, per core). Every batch must come out exactly as it does
/// alone, against a float64 forward pass written here, and as PredictOnBatch gives it, for whole and ragged last
/// batches.
/// </summary>
public class PredictLanesTests
{
    private static Sequential Mlp()
    {
        Utils.SetRandomSeed(21);
        return new Sequential([
            new Dense(40, activation: "relu", inputShape: [30]),
            new Dropout(0.5),
            new Dense(7, activation: "softmax")]);
    }

    /// <summary>Predicts n random rows of 30 features with verbose 0 and checks each batch bit for bit against
    /// PredictOnBatch on that batch alone; returns the input and the predictions.</summary>
    private static (Tensor X, float[] Predicted) PredictAsEachBatchAlone(Model model, int n, int batchSize, int outputs)
    {
        var rng = new Random(n);
        var x = Tensor.From(Enumerable.Range(0, n * 30).Select(_ => (float)rng.NextDouble() * 2 - 1).ToArray(), new Shape(n, 30));
        var predicted = model.Predict(x, batchSize: batchSize, verbose: 0).ToArray();
        Assert.Equal(n * outputs, predicted.Length);
        for (int start = 0; start < n; start += batchSize)
        {
            var alone = model.PredictOnBatch(x[start..Math.Min(n, start + batchSize)]).ToArray();
            for (int i = 0; i < alone.Length; i++) Assert.Equal(alone[i], predicted[start * outputs + i]);
        }
        return (x, predicted);
    }

    [Theory]
    [InlineData(203, 16)] // 13 batches, the last of 11 rows
    [InlineData(128, 32)] // 4 whole batches
    [InlineData(97, 1)]   // one row a batch
    [InlineData(2000, 2000)] // one large batch: chunks of 125 rows, one per core at a time, smaller toward the end
    [InlineData(10000, 10000)] // chunks of 625 rows, then 472, 352, ..., 64 and a ragged last one of 43 (two cores)
    [InlineData(1500, 1000)] // two batches: chunks of 94 rows across the batch boundary
    public void LanesGiveEachBatchAsAlone(int n, int batchSize)
    {
        var model = Mlp();
        var (x, predicted) = PredictAsEachBatchAlone(model, n, batchSize, outputs: 7);

        // and close to a float64 forward pass
        var w1 = model.Layers[0].GetWeights(); var w2 = model.Layers[2].GetWeights();
        float[] k1 = w1[0].ToArray(), b1 = w1[1].ToArray(), k2 = w2[0].ToArray(), b2 = w2[1].ToArray();
        var xs = x.ToArray();
        for (int r = 0; r < n; r++)
        {
            var h = new double[40];
            for (int j = 0; j < 40; j++)
            {
                double s = b1[j];
                for (int p = 0; p < 30; p++) s += (double)xs[r * 30 + p] * k1[p * 40 + j];
                h[j] = Math.Max(0, s);
            }
            var z = new double[7];
            for (int j = 0; j < 7; j++)
            {
                z[j] = b2[j];
                for (int p = 0; p < 40; p++) z[j] += h[p] * k2[p * 7 + j];
            }
            double max = z.Max(), sum = z.Sum(v => Math.Exp(v - max));
            for (int j = 0; j < 7; j++) Assert.Equal(Math.Exp(z[j] - max) / sum, predicted[r * 7 + j], 1e-5);
        }
    }

    /// <summary>Wide &amp; Deep with one input: the input concatenated with the second hidden layer.</summary>
    private static Model WideAndDeep()
    {
        Utils.SetRandomSeed(22);
        var input = new Input(shape: [30]);
        var h = new Dense(20, activation: "relu").Call(input);
        h = new Dense(10, activation: "relu").Call(h);
        return new Model(input, new Dense(3).Call(new Concatenate().Call(input, h)));
    }

    [Theory]
    [InlineData(203, 16)]
    [InlineData(2000, 2000)]
    [InlineData(1500, 1000)]
    public void FunctionalModelRunsInLanesAndGivesEachBatchAsAlone(int n, int batchSize)
    {
        var model = WideAndDeep();
        Assert.True(model.LaneRows(n, batchSize, new CallbackList([])) > 0, "a one-input, one-output functional model of built-in layers runs in lanes");
        var (x, predicted) = PredictAsEachBatchAlone(model, n, batchSize, outputs: 3);
        // the same numbers as the layers applied by hand, in float64
        var w = model.Layers.OfType<Dense>().Select(d => d.GetWeights().Select(t => t.ToArray()).ToArray()).ToArray();
        var xs = x.ToArray();
        for (int r = 0; r < n; r += 7)
        {
            double[] Dense(double[] v, float[][] kb, int units, bool relu) => Enumerable.Range(0, units).Select(j =>
            {
                double s = kb[1][j];
                for (int p = 0; p < v.Length; p++) s += v[p] * kb[0][p * units + j];
                return relu ? Math.Max(0, s) : s;
            }).ToArray();
            var row = xs.AsSpan(r * 30, 30).ToArray().Select(v => (double)v).ToArray();
            var h = Dense(Dense(row, w[0], 20, true), w[1], 10, true);
            var y = Dense([.. row, .. h], w[2], 3, false);
            for (int j = 0; j < 3; j++) Assert.Equal(y[j], predicted[r * 3 + j], 1e-4);
        }
    }
}
