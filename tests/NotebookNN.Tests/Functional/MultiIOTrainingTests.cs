using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Tests.Support;
using Xunit.Abstractions;

namespace NotebookNN.Tests.Functional;

/// <summary>Fit / Evaluate / Predict with several inputs and outputs: per-output losses and weights, Keras's History keys.</summary>
public class MultiIOTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void WideAndDeepLearnsAKnownRegressionWithAuxiliaryLossInHistory()
    {
        Utils.SetRandomSeed(11);
        var (x, y) = WideAndDeepData.Make(1200, seed: 5);
        var (xv, yv) = WideAndDeepData.Make(300, seed: 6);
        var model = WideAndDeepData.Functional();
        Assert.Equal(["wide_input", "deep_input"], model.InputNames);
        model.Compile(new Adam(learningRate: 0.003), loss: ["mse", "mse"], lossWeights: [0.9, 0.1], metrics: ["mae"]);
        var h = model.Fit(WideAndDeepData.Split(x), [y, y], epochs: 30, verbose: 0,
            validationData: (WideAndDeepData.Split(xv), [yv, yv]));
        Assert.Equal(["loss", "main_output_loss", "aux_output_loss", "main_output_mae", "aux_output_mae",
                      "val_loss", "val_main_output_loss", "val_aux_output_loss", "val_main_output_mae", "val_aux_output_mae"],
            h.History.Keys);
        for (int e = 0; e < 30; e++)
            Assert.Equal(0.9 * h.History["main_output_loss"][e] + 0.1 * h.History["aux_output_loss"][e], h.History["loss"][e], 5e-5);

        double variance = yv.ToArray().Select(v => (double)v).Let(vs => vs.Select(v => (v - vs.Average()) * (v - vs.Average())).Average());
        double valMain = h.History["val_main_output_loss"][^1];
        output.WriteLine($"target variance {variance:0.000}, final val main mse {valMain:0.0000}, aux {h.History["val_aux_output_loss"][^1]:0.0000}");
        Assert.True(valMain < 0.05 * variance, $"val main mse {valMain} vs variance {variance}");

        var eval = model.Evaluate(WideAndDeepData.Split(xv), [yv, yv], verbose: 0);
        Assert.Equal(h.History["val_main_output_loss"][^1], eval["main_output_loss"], 5e-6);
        var preds = model.Predict(WideAndDeepData.Split(xv), batchSize: 64, verbose: 0);
        Assert.Equal(2, preds.Length);
        double mse = preds[0].ToArray().Zip(yv.ToArray(), (p, t) => ((double)p - t) * ((double)p - t)).Average();
        Assert.Equal(eval["main_output_loss"], mse, 5e-5);
    }

    [Fact]
    public void DictionariesByNameEqualListsInOrder()
    {
        var (x, y) = WideAndDeepData.Make(64, seed: 7);
        var a = WideAndDeepData.Functional();
        var b = WideAndDeepData.Functional();
        b.SetWeights(a.GetWeights());
        a.Compile(new SGD(learningRate: 0.01), loss: ["mse", "mae"], lossWeights: [0.9, 0.1]);
        b.Compile(new SGD(learningRate: 0.01), new Dictionary<string, NotebookNN.Losses.Loss> { ["aux_output"] = "mae", ["main_output"] = "mse" },
            lossWeights: new Dictionary<string, double> { ["main_output"] = 0.9, ["aux_output"] = 0.1 });
        var xs = WideAndDeepData.Split(x);
        var ha = a.Fit(xs, [y, y], batchSize: 16, epochs: 3, verbose: 0, shuffle: false);
        var hb = b.Fit(new Dictionary<string, Tensor> { ["deep_input"] = xs[1], ["wide_input"] = xs[0] },
            new Dictionary<string, Tensor> { ["main_output"] = y, ["aux_output"] = y }, batchSize: 16, epochs: 3, verbose: 0, shuffle: false);
        Assert.Equal(ha.History["loss"], hb.History["loss"]);
        Assert.Equal(ha.History["aux_output_loss"], hb.History["aux_output_loss"]);
        var missing = Assert.Throws<ArgumentException>(() => b.Predict(new Dictionary<string, Tensor> { ["wide_input"] = xs[0] }, verbose: 0));
        Assert.Contains("Missing data for input \"deep_input\"", missing.Message);
    }

    [Fact]
    public void ListPathEqualsTheSingleTensorPathForOneOutput()
    {
        var input = new Input(shape: [4]);
        var f = new Model(input, new Dense(1).Call(new Dense(5, activation: "tanh").Call(input)));
        var g = new Model(input, f.Outputs[0]);   // same layers; a twin with copied weights follows
        var twin = new Sequential([new Dense(5, activation: "tanh", inputShape: [4]), new Dense(1)]);
        twin.SetWeights(f.GetWeights());
        var x = Tensor.RandomNormal(new Shape(48, 4), seed: 2);
        var y = Tensor.RandomNormal(new Shape(48, 1), seed: 3);
        f.Compile(new SGD(learningRate: 0.05), loss: "mse", metrics: ["mae"]);
        twin.Compile(new SGD(learningRate: 0.05), loss: "mse", metrics: ["mae"]);
        var hf = f.Fit([x], [y], batchSize: 8, epochs: 3, verbose: 0, shuffle: false);
        var ht = twin.Fit(x, y, batchSize: 8, epochs: 3, verbose: 0, shuffle: false);
        Assert.Equal(["loss", "mae"], hf.History.Keys);
        Assert.Equal(ht.History["loss"], hf.History["loss"]);
        Assert.Equal(ht.History["mae"], hf.History["mae"]);
        Assert.Same(f.Layers[1], g.Layers[1]);
    }

    [Fact]
    public void BadListsAreRefused()
    {
        var model = WideAndDeepData.Functional();
        var (x, y) = WideAndDeepData.Make(10, seed: 1);
        Assert.Throws<ArgumentException>(() => model.Compile(null, loss: ["mse"], lossWeights: [1.0]).Fit(WideAndDeepData.Split(x), [y, y], verbose: 0));
        model.Compile(null, loss: ["mse", "mse"]);
        var count = Assert.Throws<ArgumentException>(() => model.Fit([x[.., 0..5]], [y, y], verbose: 0));
        Assert.Contains("expects 2 input(s), but it received 1 input tensors", count.Message);
        var targets = Assert.Throws<ArgumentException>(() => model.Fit(WideAndDeepData.Split(x), [y], verbose: 0));
        Assert.Contains("2 output(s), but 1 target array(s)", targets.Message);
        var card = Assert.Throws<ArgumentException>(() => model.Fit(WideAndDeepData.Split(x), [y, y[..5]], verbose: 0));
        Assert.Contains("Data cardinality is ambiguous", card.Message);
    }

    [SkippableFact]
    public void WideAndDeepLearnsBostonHousing()
    {
        var (all, target) = SharedData.Boston();
        var order = Enumerable.Range(0, all.Shape[0]).OrderBy(_ => 0).ToArray();
        new Random(4).Shuffle(order);   // the file is ordered by town; validation takes the last fifth
        var features = all.Gather(order)[.., 0..8].Contiguous();
        var y = target.Gather(order).Reshape(-1, 1);
        features = (features - features.Mean(axis: 0)) / features.Std(axis: 0);
        Utils.SetRandomSeed(3);
        var model = WideAndDeepData.Functional();
        model.Compile(new Adam(learningRate: 0.01), loss: "mse", lossWeights: [0.9, 0.1]);
        var h = model.Fit(WideAndDeepData.Split(features), [y, y], epochs: 60, verbose: 0, validationSplit: 0.2);
        var yVal = y.ToArray()[(int)Math.Floor(y.Shape[0] * 0.8)..].Select(v => (double)v).ToArray();
        double variance = yVal.Select(v => (v - yVal.Average()) * (v - yVal.Average())).Average();
        double last = h.History["val_main_output_loss"][^1];
        output.WriteLine($"Boston (first 8 features) Wide & Deep: val main mse {last:0.00} (R² {1 - last / variance:0.000}), aux {h.History["val_aux_output_loss"][^1]:0.00}, val target variance {variance:0.00}");
        Assert.True(last < 0.5 * variance, $"val main mse {last} vs variance {variance}");
    }
}

internal static class LetExtension
{
    public static TOut Let<TIn, TOut>(this TIn value, Func<TIn, TOut> f) => f(value);
}
