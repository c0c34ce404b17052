using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Functional;

/// <summary>Functional models: graph building, equivalence with Sequential, shared layers, nesting, errors.</summary>
public class FunctionalModelTests
{
    // Layers draw their initial weights from the global generator: seed it, so finite-difference checks
    // through ReLU never meet a kink by chance (test classes run one at a time).
    public FunctionalModelTests() => Utils.SetRandomSeed(21);

    private static Tensor Rand(int seed, params int[] dims) => Tensor.RandomNormal(new Shape(dims), seed: seed);

    private static (Model Functional, Sequential Sequential) TwinMlps()
    {
        var input = new Input(shape: [5]);
        var h = new Dense(7, activation: "relu").Call(input);
        var output = new Dense(3, activation: "softmax").Call(h);
        var functional = new Model(input, output);
        var sequential = new Sequential([new Dense(7, activation: "relu", inputShape: [5]), new Dense(3, activation: "softmax")]);
        sequential.SetWeights(functional.GetWeights());
        return (functional, sequential);
    }

    [Fact]
    public void FunctionalAndSequentialMlpsPredictAndTrainAlike()
    {
        var (f, s) = TwinMlps();
        var x = Rand(1, 40, 5);
        var y = Tensor.From(Enumerable.Range(0, 40).Select(i => (float)(i % 3)).ToArray());
        Assert.Equal(s.Predict(x, verbose: 0).ToArray(), f.Predict(x, verbose: 0).ToArray());

        f.Compile(new SGD(learningRate: 0.1, momentum: 0.9), "sparse_categorical_crossentropy", ["accuracy"]);
        s.Compile(new SGD(learningRate: 0.1, momentum: 0.9), "sparse_categorical_crossentropy", ["accuracy"]);
        var hf = f.Fit(x, y, batchSize: 8, epochs: 4, verbose: 0, shuffle: false);
        var hs = s.Fit(x, y, batchSize: 8, epochs: 4, verbose: 0, shuffle: false);
        Assert.Equal(hs.History["loss"], hf.History["loss"]);
        Assert.Equal(hs.History["accuracy"], hf.History["accuracy"]);
        Assert.True(hf.History["loss"][^1] < hf.History["loss"][0]);
        var wf = f.GetWeights();
        var ws = s.GetWeights();
        for (int i = 0; i < wf.Count; i++) Assert.Equal(ws[i].ToArray(), wf[i].ToArray());
    }

    [Fact]
    public void ConcurrentCallsOnOneGraphEachGetTheirOwnValues()
    {
        // the graph lends one value buffer to a call at a time; a second call at the same moment must use its own
        var (f, s) = TwinMlps();
        var inputs = Enumerable.Range(0, 8).Select(i => Rand(100 + i, 16, 5)).ToArray();
        var expected = inputs.Select(x => s.PredictOnBatch(x).ToArray()).ToArray();
        var wrong = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            for (int r = 0; r < 300; r++)
            {
                int k = (t + r) % inputs.Length;
                if (!f.PredictOnBatch(inputs[k]).ToArray().SequenceEqual(expected[k])) Interlocked.Increment(ref wrong);
            }
        });
        Assert.Equal(0, wrong);
    }

    [Fact]
    public void GraphComputesWhatTheLayersComputeByHand()
    {
        var input = new Input(shape: [4]);
        var d1 = new Dense(6, activation: "tanh");
        var d2 = new Dense(2);
        var h = d1.Call(input);
        var concat = new Concatenate().Call(input, h);
        var output = d2.Call(concat);
        var model = new Model(input, output);
        Assert.Equal([10], d2.Kernel!.Shape.ToArray()[..1]);

        var x = Rand(2, 3, 4);
        var expected = d2.Call(Tensor.Concatenate([x, d1.Call(x)], axis: 1));
        Assert.Equal(expected.ToArray(), model.Predict(x, verbose: 0).ToArray());
        Assert.Equal(new Shape(3, 2), model.Call(x).Shape);
    }

    [Fact]
    public void SharedLayerKeepsOneSetOfWeightsAndGradientsAgreeWithFiniteDifferences()
    {
        var a = new Input(shape: [3]);
        var b = new Input(shape: [3]);
        var shared = new Dense(4, activation: "tanh");
        var sum = new Add().Call(shared.Call(a), shared.Call(b));
        var model = new Model([a, b], new Dense(2).Call(sum));
        Assert.Equal(2, shared.InboundNodes.Count);
        Assert.Equal(4, model.Weights.Count);   // shared kernel + bias once, the head's kernel + bias
        Assert.Equal(3 * 4 + 4 + 4 * 2 + 2, model.CountParams());
        GradCheck.Check(xs => model.Call(xs, training: false)[0], [Rand(3, 2, 3), Rand(4, 2, 3)], step: 1e-2, tolerance: 2e-2);
    }

    public static TheoryData<string> MergeNames => new() { "concatenate", "add", "subtract", "multiply", "average", "maximum", "minimum" };

    private static Merge MakeMerge(string name) => name switch
    {
        "concatenate" => new Concatenate(),
        "add" => new Add(),
        "subtract" => new Subtract(),
        "multiply" => new Multiply(),
        "average" => new Average(),
        "maximum" => new Maximum(),
        _ => new Minimum(),
    };

    /// <summary>The merge computed naively in float64 from two rows of values.</summary>
    private static double[] Naive(string name, float[] p, float[] q) => name == "concatenate"
        ? [.. p.Select(v => (double)v), .. q.Select(v => (double)v)]
        : p.Zip(q, (u, v) => name switch
        {
            "add" => (double)u + v,
            "subtract" => (double)u - v,
            "multiply" => (double)u * v,
            "average" => ((double)u + v) / 2,
            "maximum" => Math.Max(u, v),
            _ => (double)Math.Min(u, v),
        }).ToArray();

    [Theory, MemberData(nameof(MergeNames))]
    public void MergeLayersMatchNaiveValuesAndFiniteDifferences(string name)
    {
        var a = new Input(shape: [5]);
        var b = new Input(shape: [5]);
        var model = new Model([a, b], MakeMerge(name).Call(a, b));
        var x1 = Rand(5, 1, 5);
        var x2 = Rand(6, 1, 5);
        var got = model.Call([x1, x2], training: false)[0].ToArray();
        var want = Naive(name, x1.ToArray(), x2.ToArray());
        Assert.Equal(want.Length, got.Length);
        for (int i = 0; i < got.Length; i++) Assert.Equal(want[i], got[i], 5e-6);
        GradCheck.Check(xs => model.Call(xs, training: false)[0], [Rand(7, 2, 5), Rand(8, 2, 5)], step: 1e-3, tolerance: 2e-2);
    }

    [Fact]
    public void ModelCanBeCalledLikeALayerOnTensorsAndSymbolicTensors()
    {
        var inner = TwinMlps().Functional;
        var x = Rand(9, 6, 5);
        var outerInput = new Input(shape: [5]);
        var outer = new Model(outerInput, new Dense(1).Call(inner.Call(outerInput)));
        Assert.Contains(inner, outer.Layers);
        Assert.Equal(inner.Weights.Count + 2, outer.Weights.Count);
        var head = (Dense)outer.Layers[^1];
        Assert.Equal(head.Call(inner.Call(x)).ToArray(), outer.Predict(x, verbose: 0).ToArray());
    }

    [Fact]
    public void SeveralOutputsComeBackInOrder()
    {
        var input = new Input(shape: [3]);
        var h = new Dense(4).Call(input);
        var main = new Dense(1, name: "main_output").Call(h);
        var aux = new Dense(2, name: "aux_output").Call(input);
        var model = new Model(input, [main, aux]);
        Assert.Equal(["main_output", "aux_output"], model.OutputNames);
        var outs = model.Call([Rand(10, 7, 3)], training: false);
        Assert.Equal(new Shape(7, 1), outs[0].Shape);
        Assert.Equal(new Shape(7, 2), outs[1].Shape);
        var ex = Assert.Throws<InvalidOperationException>(() => model.Call(Rand(10, 7, 3)));
        Assert.Contains("2 outputs", ex.Message);
    }

    [Fact]
    public void WrongNumberOfInputsIsRefused()
    {
        var a = new Input(shape: [3]);
        var b = new Input(shape: [3]);
        var model = new Model([a, b], new Add().Call(a, b));
        var ex = Assert.Throws<ArgumentException>(() => model.Call([Rand(1, 2, 3)], training: false));
        Assert.Contains("expects 2 input(s), but it received 1 input tensors", ex.Message);
        var shape = Assert.Throws<ArgumentException>(() => model.Call([Rand(1, 2, 3), Rand(1, 2, 4)], training: false));
        Assert.Contains("expected shape=(None, 3), found shape=(2, 4)", shape.Message);
    }

    [Fact]
    public void IncompatibleMergeShapesAreRefused()
    {
        var a = new Input(shape: [3]);
        var b = new Input(shape: [4]);
        var add = Assert.Throws<ArgumentException>(() => new Add().Call(a, b));
        Assert.Contains("Inputs have incompatible shapes. Received shapes (None, 3) and (None, 4)", add.Message);
        var c = new Input(shape: [2, 3]);
        var concat = Assert.Throws<ArgumentException>(() => new Concatenate(axis: 1).Call(a, c));
        Assert.Contains("matching shapes except for the concatenation axis. Received: input_shape=[(None, 3), (None, 2, 3)]", concat.Message);
        Assert.Throws<ArgumentException>(() => new Add().Call(a));
        Assert.Throws<ArgumentException>(() => new Subtract().Call(a, a, a));
        var eager = Assert.Throws<ArgumentException>(() => new Multiply().Call([Rand(1, 2, 3), Rand(2, 2, 4)]));
        Assert.Contains("Received shapes (None, 3) and (None, 4)", eager.Message);
    }

    [Fact]
    public void OutputsThatDoNotDependOnTheInputsDisconnectTheGraph()
    {
        var a = new Input(shape: [3]);
        var b = new Input(shape: [3]);
        var sum = new Add().Call(new Dense(3).Call(a), b);
        var ex = Assert.Throws<ArgumentException>(() => new Model(a, sum));
        Assert.StartsWith("Graph disconnected: cannot obtain value for tensor", ex.Message);
        Assert.Contains($"at layer \"{sum.Producer.Name}\"", ex.Message);
        Assert.Throws<ArgumentException>(() => new Model(new Dense(1).Call(a), sum));
    }

    [Fact]
    public void SymbolicCallChecksTheInputSpecOfABuiltLayer()
    {
        var dense = new Dense(2);
        dense.Call(new Input(shape: [3]));
        var ex = Assert.Throws<ArgumentException>(() => dense.Call(new Input(shape: [5])));
        Assert.Contains("expected axis -1 of input shape to have value 3, but received input with shape (None, 5)", ex.Message);
    }
}
