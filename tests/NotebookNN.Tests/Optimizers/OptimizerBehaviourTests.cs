using NotebookNN.Tests.Support;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Optimizers;

public class OptimizerBehaviourTests
{
    private static Variable Var(params float[] values) => new(Tensor.From(values), "w");

    [Fact]
    public void NullGradientsAreSkippedButTheStepCounts()
    {
        var a = Var(1f, 2f);
        var b = Var(3f, 4f);
        var sgd = new SGD(learningRate: 0.5);
        sgd.Apply([null, Tensor.From([2f, -2f])], [a, b]);
        Assert.Equal([1f, 2f], a.ToArray());
        Assert.Equal([2f, 5f], b.ToArray());     // 3 - 0.5·2, 4 + 0.5·2
        Assert.Equal(1, sgd.Iterations);
        Assert.Null(sgd.GetSlots(a));
    }

    [Fact]
    public void StepsAfterTheFirstDoNotAllocate()
    {
        var optimizers = new Optimizer[]
        {
            new SGD(momentum: 0.9, nesterov: true), new Adam(amsgrad: true), new AdamW(), new Nadam(),
            new RMSprop(momentum: 0.5, centered: true, clipnorm: 1.0), new Adagrad(globalClipnorm: 1.0),
            new Adam(learningRate: new ExponentialDecay(0.01, 10, 0.9), clipvalue: 0.1),
        };
        var vars = new[] { new Variable(Tensor.Full(new Shape(37, 5), 0.5f)), new Variable(Tensor.Full(new Shape(3), 1f)) };
        var grads = new Tensor?[] { Tensor.Full(new Shape(37, 5), 0.25f), null };
        foreach (var opt in optimizers)
        {
            opt.Apply(grads, vars);   // builds slots
            opt.Apply(grads, vars);   // warms up JIT paths
            double perStep = AllocationProbe.BytesPerCall(10, _ => opt.Apply(grads, vars));
            Assert.True(perStep == 0, $"{opt.GetType().Name} allocated {perStep} bytes per step");
        }
    }

    [Fact]
    public void VectorBodyAndScalarTailAgreeAtEveryLength()
    {
        // Same element values at every length 0..70: each element must follow the scalar one-element reference
        // (m = 0.9·0 − 0.1·g; w += 0.9·m − 0.1·g  ⇒  w = 1 − 0.19·g on step one).
        for (int n = 0; n <= 70; n++)
        {
            var w = new Variable(Tensor.Full(new Shape(n), 1f));
            var g = Tensor.From(Enumerable.Range(0, n).Select(i => (float)(i % 7) - 3f).ToArray());
            new SGD(learningRate: 0.1, momentum: 0.9, nesterov: true).Apply([g], [w]);
            var got = w.ToArray();
            for (int i = 0; i < n; i++) Assert.Equal(1.0 - 0.19 * ((i % 7) - 3), got[i], 5e-6);
        }
    }

    [Fact]
    public void ClippingLeavesTheCallersGradientUntouched()
    {
        var w = Var(0f, 0f);
        var g = Tensor.From([3f, -4f]);
        new SGD(learningRate: 1, clipnorm: 1.0).ApplyGradients([(g, w)]);
        Assert.Equal([3f, -4f], g.ToArray());
        Assert.Equal(-0.6f, w.ToArray()[0], 6);   // g·1/‖g‖ = (0.6, −0.8)
        Assert.Equal(0.8f, w.ToArray()[1], 5e-7);
    }

    [Fact]
    public void LearningRateIsSettableUnlessScheduled()
    {
        var sgd = new SGD(learningRate: 0.1);
        sgd.LearningRate = 0.2;
        Assert.Equal(0.2, sgd.LearningRate);
        var scheduled = new SGD(learningRate: new PiecewiseConstantDecay([0], [1.0, 0.5]));
        Assert.Equal(1.0, scheduled.LearningRate);
        scheduled.Apply([Tensor.From([1f])], [Var(0f)]);
        Assert.Equal(0.5, scheduled.LearningRate);   // evaluated at Iterations = 1
        var e = Assert.Throws<InvalidOperationException>(() => scheduled.LearningRate = 0.1);
        Assert.Contains("not settable", e.Message);
    }

    [Fact]
    public void KerasDefaults()
    {
        Assert.Equal(0.01, new SGD().LearningRate);
        var adam = new Adam();
        Assert.Equal((0.001, 0.9, 0.999, 1e-7, false), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon, adam.Amsgrad));
        var rms = new RMSprop();
        Assert.Equal((0.001, 0.9, 0.0, 1e-7, false), (rms.LearningRate, rms.Rho, rms.Momentum, rms.Epsilon, rms.Centered));
        var ada = new Adagrad();
        Assert.Equal((0.001, 0.1, 1e-7), (ada.LearningRate, ada.InitialAccumulatorValue, ada.Epsilon));
        Assert.Equal(0.004, new AdamW().WeightDecay);
        Assert.Null(new Adam().WeightDecay);
        Assert.Equal(0.001, new Nadam().LearningRate);
    }

    [Theory]
    [InlineData("sgd", typeof(SGD))]
    [InlineData("Adam", typeof(Adam))]
    [InlineData("RMSPROP", typeof(RMSprop))]
    [InlineData("adagrad", typeof(Adagrad))]
    [InlineData("adamw", typeof(AdamW))]
    [InlineData("nadam", typeof(Nadam))]
    public void ResolvesNamesCaseInsensitively(string name, Type type) => Assert.IsType(type, Optimizer.Get(name));

    [Fact]
    public void UnknownNameListsTheValidOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => Optimizer.Get("adamax2"));
        Assert.Contains("Could not interpret optimizer identifier: 'adamax2'", e.Message);
        Assert.Contains("sgd, adam, rmsprop, adagrad, adamw, nadam", e.Message);
    }
}
