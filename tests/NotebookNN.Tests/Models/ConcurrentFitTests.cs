using NotebookNN.Callbacks;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Models;

/// <summary>
/// Seeded models train the same whatever runs beside them: each layer and model draws its seed from the global
/// generator when it is constructed (Keras 3's SeedGenerator), then initializers, Dropout masks and Fit's shuffling
/// draw from that. Two Fits on two threads, made to interleave epoch by epoch, must give the weights each gives alone.
/// </summary>
public class ConcurrentFitTests
{
    /// <summary>Holds every participating Fit at the start of each epoch until all have reached it, so their draws interleave.</summary>
    private sealed class Lockstep(Barrier? barrier) : Callback
    {
        public override void OnEpochBegin(int epoch, IDictionary<string, double> logs) => barrier?.SignalAndWait(TimeSpan.FromSeconds(60));
    }

    private static (Tensor X, Tensor Y) Data(int n, int seed)
    {
        var x = Tensor.RandomNormal([n, 6], seed: seed);
        var v = x.ToArray();
        var y = new float[n];
        for (int i = 0; i < n; i++) y[i] = (v[i * 6] + v[i * 6 + 1] > 0 ? 1 : 0) + (v[i * 6 + 2] > 0.5f ? 1 : 0);
        return (x, Tensor.From(y));
    }

    /// <summary>Two models made in order after the seed: one built lazily in Fit (no input shape), one built at once.</summary>
    private static Sequential[] MakeModels()
    {
        Utils.SetRandomSeed(42);
        var lazy = new Sequential([new Dense(16, activation: "relu"), new Dropout(0.3), new Dense(3, activation: "softmax")]);
        var eager = new Sequential().Add(new Input(shape: [6])).Add(new Dense(12, activation: "tanh")).Add(new Dropout(0.2))
            .Add(new Dense(3, activation: "softmax"));
        foreach (var m in new[] { lazy, eager }) m.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        return [lazy, eager];
    }

    private static void Train(Model model, (Tensor X, Tensor Y) data, Barrier? barrier) =>
        model.Fit(data.X, data.Y, batchSize: 8, epochs: 5, validationSplit: 0.2, verbose: 0, callbacks: [new Lockstep(barrier)]);

    private static float[][] WeightsOf(Model m) => [.. m.Weights.Select(w => w.ToArray())];

    [Fact]
    public void TwoSeededFitsOnTwoThreadsGiveTheWeightsEachGivesAlone()
    {
        var data = new[] { Data(120, 1), Data(96, 2) };

        var alone = MakeModels();
        for (int i = 0; i < 2; i++) Train(alone[i], data[i], barrier: null);

        var together = MakeModels();
        using var barrier = new Barrier(2);
        var errors = new Exception?[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
        {
            try { Train(together[i], data[i], barrier); }
            catch (Exception e) { errors[i] = e; barrier.RemoveParticipant(); }
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) Assert.True(t.Join(TimeSpan.FromMinutes(2)), "a Fit did not finish");
        Assert.All(errors, Assert.Null);

        for (int i = 0; i < 2; i++)
        {
            var expected = WeightsOf(alone[i]);
            var actual = WeightsOf(together[i]);
            Assert.Equal(expected.Length, actual.Length);
            for (int w = 0; w < expected.Length; w++) Assert.Equal(expected[w], actual[w]); // bit for bit
        }
    }

    [Fact]
    public void AModelsInitialWeightsDoNotDependOnDrawsMadeBeforeItIsBuilt()
    {
        Utils.SetRandomSeed(7);
        var a = new Sequential([new Dense(5), new Dense(2)]);
        a.Build([4]);
        Utils.SetRandomSeed(7);
        var b = new Sequential([new Dense(5), new Dense(2)]);
        Tensor.RandomUniform([1000]); // someone else draws from the global stream between construction and build
        b.Build([4]);
        Assert.Equal(WeightsOf(a).SelectMany(w => w), WeightsOf(b).SelectMany(w => w));
        Utils.SetRandomSeed(8);
        var c = new Sequential([new Dense(5), new Dense(2)]);
        c.Build([4]);
        Assert.NotEqual(WeightsOf(a).SelectMany(w => w), WeightsOf(c).SelectMany(w => w));
    }
}
