using System.Runtime.CompilerServices;
using System.Text.Json;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Optimizers;

/// <summary>
/// Compares five update steps of every optimizer configuration against the float64 numpy reference in
/// Fixtures/optimizer_fixture.json (written by Fixtures/make_optimizer_fixture.py from Keras 3's formulas).
/// </summary>
public class OptimizerFixtureTests
{
    private static readonly JsonElement Fixture = Load();

    private static JsonElement Load([CallerFilePath] string here = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(here)!, "..", "Fixtures", "optimizer_fixture.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesNumpyReference(string name)
    {
        var c = Fixture.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var optimizer = Create(c);
        var shapes = Fixture.GetProperty("shapes").EnumerateArray().Select(s => s.EnumerateArray().Select(d => d.GetInt32()).ToArray()).ToArray();
        var initial = Floats2(Fixture.GetProperty("initial"));
        var variables = shapes.Select((s, i) => new Variable(Tensor.From(initial[i], new Shape(s)), $"v{i}")).ToArray();
        var grads = Fixture.GetProperty("grads").EnumerateArray().ToArray();
        var expected = c.GetProperty("expected").EnumerateArray().ToArray();
        for (int step = 0; step < grads.Length; step++)
        {
            var g = Floats2(grads[step]);
            optimizer.Apply(shapes.Select((s, i) => (Tensor?)Tensor.From(g[i], new Shape(s))).ToArray(), variables);
            var want = Floats2(expected[step]);
            for (int i = 0; i < variables.Length; i++)
            {
                var got = variables[i].ToArray();
                for (int k = 0; k < got.Length; k++)
                    Assert.True(Math.Abs(got[k] - want[i][k]) <= 1e-5,
                        $"{name}: step {step + 1}, variable {i}[{k}]: expected {want[i][k]}, got {got[k]}");
            }
        }
        Assert.Equal(grads.Length, optimizer.Iterations);
    }

    private static float[][] Floats2(JsonElement e) =>
        e.EnumerateArray().Select(a => a.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray()).ToArray();

    private static double? Opt(JsonElement c, string key) => c.TryGetProperty(key, out var v) ? v.GetDouble() : null;
    private static bool Flag(JsonElement c, string key) => c.TryGetProperty(key, out var v) && v.GetBoolean();

    private static Optimizer Create(JsonElement c)
    {
        LearningRateSpec lr = c.TryGetProperty("schedule", out var s) ? Schedule(s) : c.GetProperty("learning_rate").GetDouble();
        double? wd = Opt(c, "weight_decay"), cn = Opt(c, "clipnorm"), cv = Opt(c, "clipvalue"), gcn = Opt(c, "global_clipnorm");
        return c.GetProperty("optimizer").GetString() switch
        {
            "sgd" => new SGD(lr, Opt(c, "momentum") ?? 0, Flag(c, "nesterov"), wd, cn, cv, gcn),
            "adam" => new Adam(lr, amsgrad: Flag(c, "amsgrad"), weightDecay: wd, clipnorm: cn, clipvalue: cv, globalClipnorm: gcn),
            "adamw" => new AdamW(lr, weightDecay: wd ?? 0.004, clipnorm: cn, clipvalue: cv, globalClipnorm: gcn),
            "rmsprop" => new RMSprop(lr, momentum: Opt(c, "momentum") ?? 0, centered: Flag(c, "centered"), weightDecay: wd, clipnorm: cn, clipvalue: cv, globalClipnorm: gcn),
            "adagrad" => new Adagrad(lr, initialAccumulatorValue: Opt(c, "initial_accumulator_value") ?? 0.1, weightDecay: wd, clipnorm: cn, clipvalue: cv, globalClipnorm: gcn),
            "nadam" => new Nadam(lr, weightDecay: wd, clipnorm: cn, clipvalue: cv, globalClipnorm: gcn),
            var other => throw new InvalidOperationException(other),
        };
    }

    private static LearningRateSchedule Schedule(JsonElement s) => s.GetProperty("type").GetString() == "exponential"
        ? new ExponentialDecay(s.GetProperty("initial").GetDouble(), s.GetProperty("decay_steps").GetInt64(),
            s.GetProperty("decay_rate").GetDouble(), s.GetProperty("staircase").GetBoolean())
        : new PiecewiseConstantDecay(s.GetProperty("boundaries").EnumerateArray().Select(b => b.GetInt64()).ToArray(),
            s.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray());
}
