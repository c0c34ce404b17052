using NotebookNN.Initializers;
using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Functional;

/// <summary>The tutorial's subclassed Wide & Deep: fields tracked without registration, same numbers as the functional one.</summary>
public class WideAndDeepModel : Model
{
    public readonly Dense Hidden1 = new(30, activation: "relu"), Hidden2 = new(30, activation: "relu"), Main = new(1), Aux = new(1);

    public WideAndDeepModel(string? name = null) : base(name) { }

    public override Tensor[] Call(Tensor[] inputs, bool training)
    {
        var (wide, deep) = (inputs[0], inputs[1]);
        var h2 = Hidden2.Call(Hidden1.Call(deep));
        return [Main.Call(Tensor.Concatenate([wide, h2], axis: -1)), Aux.Call(h2)];
    }
}

/// <summary>A model whose depth is chosen at run time from a list of layers, with a loop and a condition.</summary>
public class ResidualStack : Model
{
    private readonly List<Dense> _blocks = [new(4, activation: "tanh"), new(4, activation: "tanh"), new(4, activation: "tanh")];
    private readonly Dense _head = new(1);
    public int Depth { get; set; } = 3;

    public override Tensor[] Call(Tensor[] inputs, bool training)
    {
        var x = inputs[0];
        for (int i = 0; i < Depth; i++) x = i == 0 ? _blocks[i].Call(x) : x + _blocks[i].Call(x);
        return [_head.Call(x)];
    }
}

/// <summary>A custom layer (Keras guide's Linear) with a trainable kernel and a non-trainable running total.</summary>
public class ScaledLinear(int units, string? name = null) : Layer(name)
{
    public Variable? Kernel, Scale;

    public override void Build(Shape inputShape)
    {
        Kernel = AddWeight("kernel", [inputShape[^1], units], Initializer.Get("glorot_uniform"));
        Scale = AddWeight("scale", [units], Initializer.Get("ones"), trainable: false);
    }

    public override Tensor Call(Tensor inputs, bool training = false) => inputs.MatMul(Kernel!) * Scale!;

    public override Shape ComputeOutputShape(Shape inputShape) => [units];

    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["units"] = units;
        return config;
    }
}

/// <summary>A custom layer holding other layers in fields: their weights are its weights.</summary>
public class TwoDense : Layer
{
    private readonly Dense _a = new(3, activation: "relu"), _b = new(2);
    public override Tensor Call(Tensor inputs, bool training = false) => _b.Call(_a.Call(inputs));
    public override Shape ComputeOutputShape(Shape inputShape) => [2];
}

/// <summary>A model whose layer fields are reassigned after it was used.</summary>
public class SwappableHead : Model
{
    public Dense Body = new(4, activation: "relu", name: "body"), Head = new(1, name: "head_a");

    public override Tensor[] Call(Tensor[] inputs, bool training) => [Head.Call(Body.Call(inputs[0]))];
}

/// <summary>The same with its layers in a list field.</summary>
public class ListedLayers : Model
{
    public readonly List<Dense> Blocks = [new(4, name: "first")];

    public override Tensor[] Call(Tensor[] inputs, bool training) => [Blocks.Aggregate(inputs[0], (x, b) => b.Call(x))];
}

public class SubclassingTests
{
    [Fact]
    public void LayersFollowReassignedFieldsAndListsThatChange()
    {
        // the layer list is remembered between steps while the fields hold the same layers; a new layer in a field,
        // or one added to a list field, shows up the next time it is asked for
        var m = new SwappableHead();
        m.PredictOnBatch(Tensor.Ones([2, 3]));
        Assert.Equal(["body", "head_a"], m.Layers.Select(l => l.Name));
        Assert.Same(m.Layers, m.Layers);
        m.Head = new Dense(1, name: "head_b");
        Assert.Equal(["body", "head_b"], m.Layers.Select(l => l.Name));

        var listed = new ListedLayers();
        Assert.Equal(["first"], listed.Layers.Select(l => l.Name));
        listed.Blocks.Add(new Dense(2, name: "second"));
        Assert.Equal(["first", "second"], listed.Layers.Select(l => l.Name));
        listed.Blocks.Clear();
        Assert.Empty(listed.Layers);
    }

    // Layers draw their initial weights from the global generator: seed it, so finite-difference checks
    // through ReLU never meet a kink by chance (test classes run one at a time).
    public SubclassingTests() => Utils.SetRandomSeed(23);

    [Fact]
    public void SubclassedWideAndDeepEqualsTheFunctionalOneGivenTheSameWeights()
    {
        var functional = WideAndDeepData.Functional();
        var sub = new WideAndDeepModel();
        var (x, y) = WideAndDeepData.Make(40, seed: 9);
        var xs = WideAndDeepData.Split(x);
        sub.Predict(xs, verbose: 0);   // builds the fields' layers
        Assert.Equal([sub.Hidden1, sub.Hidden2, sub.Main, sub.Aux], sub.Layers);
        var layerNames = new[] { "dense", "dense_1", "main_output", "aux_output" };
        var source = functional.Layers.OfType<Dense>().ToList();   // Keras order: dense, dense_1, main_output, aux_output
        Dense[] target = [sub.Hidden1, sub.Hidden2, sub.Main, sub.Aux];
        for (int i = 0; i < 4; i++)
        {
            target[i].Kernel!.Assign(source[i].Kernel!);
            target[i].Bias!.Assign(source[i].Bias!);
        }
        var pf = functional.Predict(xs, verbose: 0);
        var ps = sub.Predict(xs, verbose: 0);
        Assert.Equal(pf[0].ToArray(), ps[0].ToArray());
        Assert.Equal(pf[1].ToArray(), ps[1].ToArray());

        functional.Compile(new SGD(learningRate: 0.01), loss: "mse", lossWeights: [0.9, 0.1]);
        sub.Compile(new SGD(learningRate: 0.01), loss: "mse", lossWeights: [0.9, 0.1]);
        var hf = functional.Fit(xs, [y, y], batchSize: 8, epochs: 3, verbose: 0, shuffle: false);
        var hs = sub.Fit(xs, [y, y], batchSize: 8, epochs: 3, verbose: 0, shuffle: false);
        Assert.Equal(hf.History["loss"], hs.History["loss"]);
        Assert.Equal(hf.History["main_output_loss"], hs.History["output_1_loss"]);
        Assert.Equal(hf.History["aux_output_loss"], hs.History["output_2_loss"]);
        Assert.Equal(functional.TrainableWeights.Count, sub.TrainableWeights.Count);
    }

    [Fact]
    public void LoopsAndConditionsTrainThroughTheTapeAndGradientsMatchFiniteDifferences()
    {
        var model = new ResidualStack();
        var x = Tensor.RandomNormal(new Shape(3, 4), seed: 1);
        model.Predict(x, verbose: 0);
        Assert.Equal(8, model.TrainableWeights.Count);
        GradCheck.Check(t => model.Call(t, training: false)[0], [x]);
        model.Depth = 1;
        GradCheck.Check(t => model.Call(t, training: false)[0], [x]);

        var y = Tensor.RandomNormal(new Shape(3, 1), seed: 2);
        model.Depth = 3;
        model.Compile(new SGD(learningRate: 0.05), loss: "mse");
        var before = model.GetWeights().Select(w => w.ToArray()).ToList();
        var h = model.Fit(x, y, epochs: 20, verbose: 0);
        Assert.True(h.History["loss"][^1] < h.History["loss"][0]);
        var after = model.GetWeights();
        for (int i = 0; i < after.Count; i++) Assert.NotEqual(before[i], after[i].ToArray());
    }

    [Fact]
    public void CustomLayerCountsNonTrainableWeightsApartAndFreezes()
    {
        var input = new Input(shape: [3]);
        var custom = new ScaledLinear(2);
        var model = new Model(input, custom.Call(input));
        Assert.Single(custom.TrainableWeights);
        Assert.Single(custom.NonTrainableWeights);
        var summary = model.Summary();
        Assert.Equal(6, summary.TrainableParams);
        Assert.Equal(2, summary.NonTrainableParams);
        Assert.Contains("Non-trainable params: 2", summary.ToString());
        Assert.Equal(2, custom.GetConfig()["units"]);

        var x = Tensor.RandomNormal(new Shape(4, 3), seed: 3);
        var expected = x.ToArray();
        var k = custom.Kernel!.ToArray();
        var got = model.Predict(x, verbose: 0).ToArray();
        for (int b = 0; b < 4; b++)
            for (int j = 0; j < 2; j++)
                Assert.Equal(Enumerable.Range(0, 3).Sum(i => (double)expected[b * 3 + i] * k[i * 2 + j]), got[b * 2 + j], 5e-6);
        GradCheck.Check(t => custom.Invoke(t[0]), [x]);

        var y = Tensor.RandomNormal(new Shape(4, 2), seed: 4);
        model.Compile(new SGD(learningRate: 0.1), loss: "mse");
        custom.Trainable = false;
        Assert.Equal(8, model.Summary().NonTrainableParams);
        model.Fit(x, y, epochs: 2, verbose: 0);
        Assert.Equal(k, custom.Kernel!.ToArray());
        custom.Trainable = true;
        model.Compile(new SGD(learningRate: 0.1), loss: "mse");
        model.Fit(x, y, epochs: 2, verbose: 0);
        Assert.NotEqual(k, custom.Kernel!.ToArray());
        Assert.Equal([1f, 1f], custom.Scale!.ToArray());   // non-trainable: never updated
    }

    [Fact]
    public void CustomLayerHoldingLayersExposesTheirWeights()
    {
        var layer = new TwoDense();
        var x = Tensor.RandomNormal(new Shape(2, 4), seed: 5);
        layer.Invoke(x);
        Assert.Equal(4, layer.TrainableWeights.Count);
        Assert.Equal(4 * 3 + 3 + 3 * 2 + 2, layer.CountParams());
        GradCheck.Check(t => layer.Invoke(t[0]), [x]);
    }
}

public class SubclassedInGraphTests
{
    // Layers draw their initial weights from the global generator: seed it, so finite-difference checks
    // through ReLU never meet a kink by chance (test classes run one at a time).
    public SubclassedInGraphTests() => Utils.SetRandomSeed(24);

    [Fact]
    public void SubclassedModelCanBeCalledOnSymbolicTensorsAndPerOutputMetricsAreNamed()
    {
        var sub = new WideAndDeepModel();
        var wide = new Input(shape: [5]);
        var deep = new Input(shape: [6]);
        var outs = sub.Call([wide, deep]);
        Assert.Equal(2, outs.Length);
        Assert.Equal(new Shape(1), outs[1].Shape);
        var model = new Model([wide, deep], [new Dense(1, name: "main_output").Call(outs[0]), new Dense(1, name: "aux_output").Call(outs[1])]);
        var (x, y) = WideAndDeepData.Make(32, seed: 2);
        var xs = WideAndDeepData.Split(x);
        var expected = sub.Call(xs, training: false);
        var head = (Dense)model.GetLayer("aux_output");
        Assert.Equal(head.Call(expected[1]).ToArray(), model.Predict(xs, verbose: 0)[1].ToArray());

        model.Compile(new SGD(learningRate: 0.01), loss: ["mse", "mse"],
            outputMetrics: new Dictionary<string, IEnumerable<NotebookNN.Metrics.Metric>> { ["aux_output"] = ["mae"] });
        var h = model.Fit(xs, [y, y], epochs: 1, verbose: 0);
        Assert.Equal(["loss", "main_output_loss", "aux_output_loss", "aux_output_mae"], h.History.Keys);
    }
}
