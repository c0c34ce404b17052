using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Layers;

/// <summary>
/// The convnet layers' rows in Keras 2's summary (tf.keras 2.9–2.12 print_summary): a name wider than the first
/// column's 27 characters is cut there and its rest printed on the next line (" )" for max_pooling2d), the
/// other columns starting two spaces after it.
/// </summary>
[Collection(KerasSessionCollection.Name)]
public class ConvnetLayerSummaryTests
{
    private static string Row(string text) => text.PadRight(65);

    [Fact]
    public void PoolingRowsWrapTheirLongNamesAsKeras2Does()
    {
        Keras.ClearSession();
        var model = new Sequential([
            new MaxPooling2D(2, inputShape: [28, 28, 32]),
            new AveragePooling2D(3, strides: 2, padding: "same"),
            new GlobalMaxPooling2D()]);
        var lines = model.Summary().ToString().Split('\n');
        string[] expected =
        [
            Row(" max_pooling2d (MaxPooling2D  (None, 14, 14, 32)       0"),
            Row(" )"),
            Row(""),
            Row(" average_pooling2d (AverageP  (None, 7, 7, 32)         0"),
            Row(" ooling2D)"),
            Row(""),
            Row(" global_max_pooling2d (Globa  (None, 32)               0"),
            Row(" lMaxPooling2D)"),
            Row(""),
        ];
        Assert.Equal(expected, lines[4..13]);
    }

    [Fact]
    public void BatchNormalizationCountsItsMovingStatisticsAsNonTrainable()
    {
        Keras.ClearSession();
        var model = new Sequential([new Dense(4, inputShape: [3]), new BatchNormalization()]);
        var lines = model.Summary().ToString().Split('\n');
        Assert.Equal(Row(" batch_normalization (BatchN  (None, 4)                16"), lines[6]);
        Assert.Equal(Row(" ormalization)"), lines[7]);
        Assert.Equal(["Total params: 32", "Trainable params: 24", "Non-trainable params: 8"], lines[10..13]);
    }
}
