using NotebookNN.Layers;

namespace NotebookNN.Tests.Models;

/// <summary>A model whose output does not fit its targets is named before training starts, in the model's terms,
/// instead of failing inside the loss with "Operands could not be broadcast together".</summary>
public class TargetShapeTests
{
    // the Boston Housing tutorial's build_model with its Dense(1) forgotten: 64 outputs against one price per sample
    private static Model ForgotItsHead(string loss = "mse") =>
        new Sequential([new Dense(64, activation: "relu", inputShape: [13]), new Dense(64, activation: "relu")])
            .Compile(optimizer: "rmsprop", loss: loss, metrics: ["mae"]);

    private static readonly Tensor X = Tensor.Ones(40, 13);
    private static readonly Tensor Prices = Tensor.Ones(40);

    [Fact]
    public void AMissingOutputLayerIsNamedBeforeTraining()
    {
        var model = ForgotItsHead();
        const string expected = "The output of model \"" + "{0}" + "\" has shape (None, 64), but the targets y have shape (40,): the loss "
            + "mean_squared_error compares them element by element, so they must have the same shape. The model probably lacks its "
            + "output layer: end it with Dense(1) for one value per sample.";
        var e = Assert.Throws<ArgumentException>(() => model.Fit(X, Prices, epochs: 1, verbose: 0));
        Assert.Equal(string.Format(expected, model.Name), e.Message);
        Assert.Equal(e.Message, Assert.Throws<ArgumentException>(() => model.Evaluate(X, Prices, verbose: 0)).Message);
        Assert.Equal(e.Message, Assert.Throws<ArgumentException>(() => model.TrainOnBatch(X, Prices)).Message);
        Assert.Contains("the targets validation y have shape (10,)", Assert.Throws<ArgumentException>(() =>
            model.Fit(X, Tensor.Ones(40, 64), verbose: 0, validationData: (Tensor.Ones(10, 13), Tensor.Ones(10)))).Message);
        Assert.Contains("Dense(1, activation: \"sigmoid\")",
            Assert.Throws<ArgumentException>(() => ForgotItsHead("binary_crossentropy").Fit(X, Prices, verbose: 0)).Message);
    }

    [Fact]
    public void ClassificationTargetsOfTheWrongKindAreNamed()
    {
        var softmax = () => new Sequential([new Dense(10, activation: "softmax", inputShape: [13])]);
        var labels = Tensor.Zeros(40);
        var oneHot = Utils.ToCategorical(labels, 10);
        var sparse = softmax().Compile(optimizer: "sgd", loss: "sparse_categorical_crossentropy");
        var e = Assert.Throws<ArgumentException>(() => sparse.Fit(X, oneHot, verbose: 0));
        Assert.EndsWith("have shape (40, 10): the loss sparse_categorical_crossentropy expects one integer class label per sample, targets of shape (None,). "
            + "The targets look one-hot encoded: use loss: \"categorical_crossentropy\", or pass the integer labels.", e.Message);
        var categorical = softmax().Compile(optimizer: "sgd", loss: "categorical_crossentropy");
        Assert.EndsWith("For integer labels use loss: \"sparse_categorical_crossentropy\", or one-hot encode them with Utils.ToCategorical(y, 10).",
            Assert.Throws<ArgumentException>(() => categorical.Fit(X, labels, verbose: 0)).Message);
        Assert.EndsWith("The last layer should have one unit per class: Dense(3, activation: \"softmax\").",
            Assert.Throws<ArgumentException>(() => categorical.Fit(X, Tensor.Ones(40, 3), verbose: 0)).Message);
    }

    [Fact]
    public void TargetsThatFitAreAccepted()
    {
        var regression = new Sequential([new Dense(4, inputShape: [13]), new Dense(1)]).Compile(optimizer: "sgd", loss: "mse");
        regression.Fit(X, Prices, verbose: 0);            // (n,) against (n, 1), aligned as Keras does
        regression.Fit(X, Tensor.Ones(40, 1), verbose: 0);
        var sparse = new Sequential([new Dense(3, activation: "softmax", inputShape: [13])]).Compile(optimizer: "sgd", loss: "sparse_categorical_crossentropy");
        sparse.Fit(X, Tensor.Zeros(40), verbose: 0);
        sparse.Fit(X, Tensor.Zeros(40, 1), verbose: 0);
    }
}
