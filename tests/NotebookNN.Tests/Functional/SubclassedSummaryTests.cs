using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Functional;

/// <summary>
/// Keras 2 prints a subclassed model's layers in the 3-column layout with the output shape <c>multiple</c> (the
/// layers were called eagerly, so they have no symbolic output), e.g. for Géron's WideAndDeepModel (8 → 5 / 6 inputs).
/// </summary>
[Collection(KerasSessionCollection.Name)]
public class SubclassedSummaryTests
{
    [Fact]
    public void SubclassedModelShowsMultiple()
    {
        Keras.ClearSession();
        var model = new WideAndDeepModel();
        Assert.Equal("wide_and_deep_model", model.Name);
        Assert.Throws<InvalidOperationException>(() => model.Summary());
        var (x, _) = WideAndDeepData.Make(4, seed: 1);
        model.Predict(WideAndDeepData.Split(x), verbose: 0);
        var blank = new string(' ', 65);
        string[] expected =
        [
            "Model: \"wide_and_deep_model\"",
            new('_', 65),
            " Layer (type)                Output Shape              Param #   ",
            new('=', 65),
            " dense (Dense)               multiple                  210       ",
            blank,
            " dense_1 (Dense)             multiple                  930       ",
            blank,
            " dense_2 (Dense)             multiple                  36        ",
            blank,
            " dense_3 (Dense)             multiple                  31        ",
            blank,
            new('=', 65),
            "Total params: 1,207",
            "Trainable params: 1,207",
            "Non-trainable params: 0",
            new('_', 65),
        ];
        Assert.Equal(string.Join("\n", expected), model.Summary().ToString());
    }
}
