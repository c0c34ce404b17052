using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Optimizers;

public class ScheduleTests
{
    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(5, 0.07071067811865475)]    // 0.1·0.5^(5/10), computed by hand: 0.1/√2
    [InlineData(10, 0.05)]
    [InlineData(25, 0.017677669529663688)]  // 0.1·0.5^2.5
    public void ExponentialDecayIsContinuous(long step, double expected) =>
        Assert.Equal(expected, new ExponentialDecay(0.1, 10, 0.5).Call(step), 12);

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(9, 0.1)]
    [InlineData(10, 0.05)]
    [InlineData(25, 0.025)]
    public void ExponentialDecayStaircase(long step, double expected) =>
        Assert.Equal(expected, new ExponentialDecay(0.1, 10, 0.5, staircase: true).Call(step), 12);

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(100, 1.0)]     // step <= boundaries[0]
    [InlineData(101, 0.5)]
    [InlineData(200, 0.5)]
    [InlineData(201, 0.1)]
    public void PiecewiseConstant(long step, double expected) =>
        Assert.Equal(expected, new PiecewiseConstantDecay([100, 200], [1.0, 0.5, 0.1]).Call(step));
}
