using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Models;

/// <summary>
/// The Fashion-MNIST convnet's summary end to end, against the text Keras 2 prints for it (tf.keras 2.9–2.12's
/// print_summary: 65 columns cut at 29 / 55 / 65, a name wider than 27 characters cut there and finished on the next
/// line, a blank line after each layer), with Keras's automatic names conv2d, max_pooling2d, conv2d_1, ...; and the
/// feature-map sub-model, a functional chain Keras 2 prints in the same layout with its input layer first.
/// </summary>
[Collection(KerasSessionCollection.Name)]
public class ConvnetSummaryTests
{
    private static readonly string Blank = new(' ', 65);

    private static string Row(string text) => text.PadRight(65);

    private static Sequential FashionCnn() => new([
        new Conv2D(32, kernelSize: 3, activation: "relu", padding: "same", inputShape: [28, 28, 1]),
        new MaxPooling2D(2),
        new Conv2D(64, kernelSize: 3, activation: "relu", padding: "same"),
        new MaxPooling2D(2),
        new Flatten(),
        new Dense(100, activation: "relu"),
        new Dropout(0.4),
        new Dense(10, activation: "softmax")]);

    [Fact]
    public void FashionMnistConvnetPrintsAsKeras2Does()
    {
        Keras.ClearSession();
        // 3·3·1·32 + 32 = 320; 3·3·32·64 + 64 = 18,496; 7·7·64 = 3,136 → 3,136·100 + 100 = 313,700; 100·10 + 10 = 1,010
        string[] expected =
        [
            "Model: \"sequential\"",
            new('_', 65),
            Row(" Layer (type)                Output Shape              Param #"),
            new('=', 65),
            Row(" conv2d (Conv2D)             (None, 28, 28, 32)        320"),
            Blank,
            Row(" max_pooling2d (MaxPooling2D  (None, 14, 14, 32)       0"),
            Row(" )"),
            Blank,
            Row(" conv2d_1 (Conv2D)           (None, 14, 14, 64)        18496"),
            Blank,
            Row(" max_pooling2d_1 (MaxPooling  (None, 7, 7, 64)         0"),
            Row(" 2D)"),
            Blank,
            Row(" flatten (Flatten)           (None, 3136)              0"),
            Blank,
            Row(" dense (Dense)               (None, 100)               313700"),
            Blank,
            Row(" dropout (Dropout)           (None, 100)               0"),
            Blank,
            Row(" dense_1 (Dense)             (None, 10)                1010"),
            Blank,
            new('=', 65),
            "Total params: 333,526",
            "Trainable params: 333,526",
            "Non-trainable params: 0",
            new('_', 65),
        ];
        Assert.Equal(string.Join("\n", expected), FashionCnn().Summary().ToString());
    }

    [Fact]
    public void FeatureMapSubModelPrintsItsInputLayerAndFirstConvolution()
    {
        Keras.ClearSession();
        var cnn = FashionCnn();
        var features = new Model(cnn.Inputs, cnn.Layers[0].Output);
        string[] expected =
        [
            "Model: \"model\"",
            new('_', 65),
            Row(" Layer (type)                Output Shape              Param #"),
            new('=', 65),
            Row(" conv2d_input (InputLayer)   [(None, 28, 28, 1)]       0"),
            Blank,
            Row(" conv2d (Conv2D)             (None, 28, 28, 32)        320"),
            Blank,
            new('=', 65),
            "Total params: 320",
            "Trainable params: 320",
            "Non-trainable params: 0",
            new('_', 65),
        ];
        Assert.Equal(string.Join("\n", expected), features.Summary().ToString());
    }
}
