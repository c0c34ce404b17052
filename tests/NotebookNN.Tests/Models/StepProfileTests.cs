using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Models;

/// <summary>The bench's step clock (<see cref="StepProfile"/>): off it charges nothing; on, every layer's forward and
/// backward, the loss and the optimizer are charged to their own sections, once per train step.</summary>
[Collection(KerasSessionCollection.Name)]
public class StepProfileTests
{
    private static Model SmallConvnet()
    {
        Utils.SetRandomSeed(2);
        var model = new Sequential([
            new Conv2D(4, 3, activation: "relu", padding: "same", inputShape: [8, 8, 1]),
            new MaxPooling2D(2),
            new Flatten(),
            new Dense(3, activation: "softmax")]);
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        return model;
    }

    [Fact]
    public void ChargesEachLayerLossAndUpdateOncePerStepOnlyWhenEnabled()
    {
        var model = SmallConvnet();
        var x = Tensor.RandomUniform([64, 8, 8, 1]);
        var y = Tensor.From([.. Enumerable.Range(0, 64).Select(i => (float)(i % 3))]);
        StepProfile.Reset(keptSteps: 8);
        model.Fit(x, y, batchSize: 16, epochs: 1, verbose: 0);
        Assert.Equal(0, StepProfile.Steps);
        Assert.All(StepProfile.Forward, t => Assert.Equal(0, t));
        Assert.All(StepProfile.Backward, t => Assert.Equal(0, t));

        StepProfile.SetEnabled(true);
        try { model.Fit(x, y, batchSize: 16, epochs: 1, verbose: 0); }
        finally { StepProfile.SetEnabled(false); }
        Assert.Equal(4, StepProfile.Steps);
        for (int i = 0; i < model.Layers.Count; i++)
            Assert.True(StepProfile.Forward[StepProfile.LayerSection(i)] > 0, $"layer {i} forward");
        foreach (int i in new[] { 0, 1, 3 }) // flatten's backward is a reshape: it may take no clock tick
            Assert.True(StepProfile.Backward[StepProfile.LayerSection(i)] > 0, $"layer {i} backward");
        foreach (int s in new[] { StepProfile.Loss, StepProfile.Optimizer, StepProfile.Gather, StepProfile.Tape, StepProfile.Step, StepProfile.Between })
            Assert.True(StepProfile.Forward[s] > 0, $"section {s}");
        long layers = Enumerable.Range(0, model.Layers.Count).Sum(i => StepProfile.Forward[StepProfile.LayerSection(i)]);
        Assert.True(StepProfile.Forward[StepProfile.Step] >= layers + StepProfile.Forward[StepProfile.Tape] + StepProfile.Forward[StepProfile.Optimizer]);
        // a step's row holds that step's ticks: the rows add up to the sums
        long rows = 0;
        for (int s = 0; s < 4; s++) rows += StepProfile.History[s * 2 * StepProfile.Count + StepProfile.Step];
        Assert.Equal(StepProfile.Forward[StepProfile.Step], rows);

        model.Fit(x, y, batchSize: 16, epochs: 1, verbose: 0);
        Assert.Equal(4, StepProfile.Steps);
        StepProfile.Reset();
    }
}
