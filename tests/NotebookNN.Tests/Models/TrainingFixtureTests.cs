using System.Text.Json;
using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Optimizers;
using NotebookNN.Regularizers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Models;

/// <summary>
/// Three TrainOnBatch steps of a 4-5-3 network per optimizer / loss / regularizer case against the float64 numpy
/// reference in Fixtures/training_fixture.json (Fixtures/make_training_fixture.py writes the forward, backward and
/// update rules by hand).
/// </summary>
public class TrainingFixtureTests
{
    private static readonly JsonElement Train = Fixture.Load("training_fixture.json").GetProperty("train");

    public static TheoryData<string> Cases() => Fixture.Names(Train.GetProperty("cases"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThreeStepsMatchNumpy(string name)
    {
        var c = Fixture.Case(Train.GetProperty("cases"), name);
        var dims = Fixture.Ints(Train.GetProperty("shape"));
        int n = dims[0], d = dims[1], h = dims[2], k = dims[3];
        string lossName = c.GetProperty("loss").GetString()!;
        bool logits = c.TryGetProperty("from_logits", out var fl) && fl.GetBoolean();
        var model = new Sequential()
            .Add(new Dense(h, "tanh", inputShape: [d], kernelRegularizer: Reg(c, "kernel_regularizer"), biasRegularizer: Reg(c, "bias_regularizer")))
            .Add(new Dense(k, c.GetProperty("activation").GetString()!, kernelRegularizer: Reg(c, "kernel_regularizer"), biasRegularizer: Reg(c, "bias_regularizer")));
        model.Compile(optimizer: MakeOptimizer(c), loss: MakeLoss(lossName, logits));
        var init = Train.GetProperty("initial").EnumerateArray().ToArray();
        model.SetWeights([Fixture.Tensor(init[0], d, h), Fixture.Tensor(init[1], h), Fixture.Tensor(init[2], h, k), Fixture.Tensor(init[3], k)]);
        var x = Fixture.Tensor(Train.GetProperty("x"), n, d);
        var yValues = Train.GetProperty("y").GetProperty(lossName);
        var y = lossName.StartsWith("sparse") ? Fixture.Tensor(yValues, n) : Fixture.Tensor(yValues, n, k);

        var wantLosses = Fixture.Doubles(c.GetProperty("losses"));
        for (int step = 0; step < 3; step++)
        {
            double loss = model.TrainOnBatch(x, y).Loss;
            Assert.True(Math.Abs(loss - wantLosses[step]) <= 1e-5 * Math.Max(1, Math.Abs(wantLosses[step])), $"{name} step {step + 1}: loss {loss}, expected {wantLosses[step]}");
        }
        var expected = c.GetProperty("expected").EnumerateArray().ToArray();
        var got = model.GetWeights();
        for (int i = 0; i < 4; i++) Fixture.Close(Fixture.Doubles(expected[i]), got[i].ToArray(), 1e-5, $"{name} weight {i}");
    }

    private static Regularizer? Reg(JsonElement c, string key)
    {
        if (!c.TryGetProperty(key, out var r)) return null;
        double f = r[1].GetDouble();
        return r[0].GetString() == "l1" ? new L1(f) : new L2(f);
    }

    private static Loss MakeLoss(string name, bool logits) => name switch
    {
        "binary_crossentropy" => new BinaryCrossentropy(fromLogits: logits),
        "categorical_crossentropy" => new CategoricalCrossentropy(fromLogits: logits),
        "sparse_categorical_crossentropy" => new SparseCategoricalCrossentropy(fromLogits: logits),
        _ => name,
    };

    private static Optimizer MakeOptimizer(JsonElement c)
    {
        double lr = c.GetProperty("learning_rate").GetDouble();
        double momentum = c.TryGetProperty("momentum", out var m) ? m.GetDouble() : 0;
        return c.GetProperty("optimizer").GetString() switch
        {
            "sgd" => new SGD(lr, momentum: momentum, nesterov: c.TryGetProperty("nesterov", out var nv) && nv.GetBoolean()),
            "adam" => new Adam(lr),
            "adamw" => new AdamW(lr, weightDecay: c.GetProperty("weight_decay").GetDouble()),
            "rmsprop" => new RMSprop(lr),
            "adagrad" => new Adagrad(lr),
            "nadam" => new Nadam(lr),
            var o => throw new ArgumentException(o),
        };
    }
}
