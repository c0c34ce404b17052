using System.Globalization;
using NotebookNN.Callbacks;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Models;

/// <summary>
/// Error messages write numbers as Keras does (<c>rate=1.5</c>) whatever the machine's culture: a notebook on a German
/// or French system must not say <c>rate=1,5</c>, which reads as two values in a Keras-style <c>name=value</c> list.
/// </summary>
public class MessageCultureTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "dropout", "rate=1.5" },
        { "clip", "min=2.5, max=0.5" },
        { "validation_split", "validation_split=1.5" },
        { "train_test_split", "test_size=1.5" },
        { "reduce_lr", "factor=1.5" },
        { "label", "label value of 1.5" },
    };

    private static Exception Raise(string name)
    {
        var x = Tensor.Ones(new Shape(4, 2));
        var y = Tensor.From([0f, 1, 0, 1]);
        return name switch
        {
            "dropout" => Assert.ThrowsAny<ArgumentException>(() => new Dropout(1.5)),
            "clip" => Assert.ThrowsAny<ArgumentException>(() => x.Clip(2.5f, 0.5f)),
            "validation_split" => Assert.ThrowsAny<ArgumentException>(() => new Sequential([new Dense(2, inputShape: [2])])
                .Compile(optimizer: "sgd", loss: "mse").Fit(x, x, validationSplit: 1.5, verbose: 0)),
            "train_test_split" => Assert.ThrowsAny<ArgumentException>(() => NotebookNN.Sklearn.TrainTestSplit(x, y, testSize: 1.5)),
            "reduce_lr" => Assert.ThrowsAny<ArgumentException>(() => new ReduceLROnPlateau(factor: 1.5)),
            "label" => Assert.ThrowsAny<ArgumentException>(() => new Sequential([new Dense(2, inputShape: [2])])
                .Compile(optimizer: "sgd", loss: new NotebookNN.Losses.SparseCategoricalCrossentropy(fromLogits: true))
                .Fit(x, Tensor.From([0f, 1.5f, 0, 1]), verbose: 0)),
            _ => throw new ArgumentException(name),
        };
    }

    /// <summary>A culture that writes 1.5 as "1,5", as de-DE and fr-FR do (the test host runs in invariant-globalization
    /// mode, where named cultures are not available, so it is built rather than looked up).</summary>
    private static CultureInfo CommaCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        return culture;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NumbersInMessagesAreWrittenWithAPointInAnyCulture(string name, string expected)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CommaCulture();
            Assert.Equal("1,5", 1.5.ToString()); // the culture is in force
            Assert.Contains(expected, Raise(name).Message);
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }
}
