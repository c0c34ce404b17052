using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Optimizers;

public class OptimizerValidationTests
{
    [Fact]
    public void NegativeLearningRate()
    {
        var e = Assert.Throws<ArgumentException>(() => new Adam(learningRate: -1));
        Assert.StartsWith("Argument `learning_rate` should be a float or a LearningRateSchedule, expected a non-negative value. Received: learning_rate=-1", e.Message);
        Assert.Throws<ArgumentException>(() => new SGD(learningRate: double.NaN));
        Assert.Equal(0.0, new SGD(learningRate: 0).LearningRate); // Keras accepts 0
        Assert.Throws<ArgumentException>(() => new SGD().LearningRate = double.NaN);
    }

    [Fact]
    public void MomentumOutOfRange()
    {
        var e = Assert.Throws<ArgumentException>(() => new SGD(momentum: 1.5));
        Assert.StartsWith("`momentum` must be a float between [0, 1]. Received: momentum=1.5", e.Message);
    }

    [Fact]
    public void OnlyOneClippingOption()
    {
        var e = Assert.Throws<ArgumentException>(() => new Adam(clipnorm: 1, clipvalue: 0.5));
        Assert.StartsWith("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm=1, clipvalue=0.5, global_clipnorm=None", e.Message);
    }

    [Fact]
    public void NonPositiveClipAndNegativeDecay()
    {
        Assert.StartsWith("Argument `clipnorm` must be a positive float. Received: clipnorm=0",
            Assert.Throws<ArgumentException>(() => new SGD(clipnorm: 0)).Message);
        Assert.StartsWith("Argument `weight_decay` must be a non-negative float. Received: weight_decay=-0.1",
            Assert.Throws<ArgumentException>(() => new SGD(weightDecay: -0.1)).Message);
        Assert.StartsWith("Argument `initial_accumulator_value` must be a non-negative float. Received: initial_accumulator_value=-1",
            Assert.Throws<ArgumentException>(() => new Adagrad(initialAccumulatorValue: -1)).Message);
    }

    [Fact]
    public void MismatchedGradientShapeAndCount()
    {
        var w = new Variable(Tensor.Zeros(new Shape(2, 3)), "kernel");
        var e = Assert.Throws<ArgumentException>(() => new SGD().Apply([Tensor.Zeros(new Shape(3, 2))], [w]));
        Assert.StartsWith("Gradient shape (3, 2) does not match the shape (2, 3) of variable 'kernel'.", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => new SGD().Apply([], [w]));
        Assert.StartsWith("Argument `grads` and `trainable_variables` must have the same length. Received: len(grads)=0, len(trainable_variables)=1", e2.Message);
    }

    [Fact]
    public void ScheduleArguments()
    {
        Assert.StartsWith("Argument `decay_steps` must be > 0. Received: decay_steps=0",
            Assert.Throws<ArgumentException>(() => new ExponentialDecay(0.1, 0, 0.9)).Message);
        Assert.StartsWith("The length of boundaries should be 1 less than the length of values. Received: boundaries=[10, 20] of length 2, and values=[1, 0.5] of length 2.",
            Assert.Throws<ArgumentException>(() => new PiecewiseConstantDecay([10, 20], [1.0, 0.5])).Message);
    }
}
