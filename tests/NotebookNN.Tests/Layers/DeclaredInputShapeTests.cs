using NotebookNN.Layers;

namespace NotebookNN.Tests.Layers;

/// <summary>A Sequential model refuses samples that are not its declared shape with Keras's message for the model's
/// input (keras.Sequential's input spec: <c>expected shape=(None, 28, 28), found shape=(None, 784)</c>), whatever its
/// first layer: Flatten used to take (n, 784) rows declared as 28×28 images without a word.</summary>
public class DeclaredInputShapeTests
{
    private static Sequential Mlp(params Layer[] head) =>
        new([.. head, new Dense(10, activation: "softmax")], name: "mlp");

    private static readonly Tensor Rows = Tensor.Ones(6, 784);
    private static readonly Tensor Labels = Tensor.Zeros(6);
    private const string Expected = "Input 0 of layer \"mlp\" is incompatible with the layer: expected shape=(None, 28, 28), found shape=(None, 784)";

    [Fact]
    public void FlattenWithADeclaredShapeRefusesFlatRows()
    {
        var model = Mlp(new Flatten(inputShape: [28, 28]));
        model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
        Assert.Equal(Expected, Assert.Throws<ArgumentException>(() => model.Fit(Rows, Labels, epochs: 1, verbose: 0)).Message);
        Assert.Equal(Expected, Assert.Throws<ArgumentException>(() => model.Predict(Rows, verbose: 0)).Message);
        Assert.Equal(Expected, Assert.Throws<ArgumentException>(() => model.Evaluate(Rows, Labels, verbose: 0)).Message);
        Assert.Contains("found shape=(None, 28, 29)", Assert.Throws<ArgumentException>(() => model.Predict(Tensor.Ones(2, 28, 29), verbose: 0)).Message);
        model.Fit(Tensor.Ones(6, 28, 28), Labels, epochs: 1, verbose: 0); // the declared shape trains
    }

    [Fact]
    public void AnInputAtTheHeadIsCheckedTheSameWay()
    {
        var model = new Sequential([new Input(shape: [28, 28]), new Flatten(), new Dense(10)], name: "mlp");
        Assert.Equal(Expected, Assert.Throws<ArgumentException>(() => model.Predict(Rows, verbose: 0)).Message);
    }

    [Fact]
    public void AModelBuiltFromDataKeepsThatShape()
    {
        var model = Mlp(new Flatten());
        model.Predict(Tensor.Ones(2, 28, 28), verbose: 0);
        Assert.Equal(Expected, Assert.Throws<ArgumentException>(() => model.Predict(Rows, verbose: 0)).Message);
    }
}
