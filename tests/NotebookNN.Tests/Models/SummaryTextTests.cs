namespace NotebookNN.Tests.Models;

/// <summary>
/// Keras 2's model.summary() text. The Fashion-MNIST printout is the one published for tf.keras 2.9–2.12
/// (e.g. Géron, 3rd ed., chapter 10), with the model renamed; column stops come from layer_utils.print_summary:
/// int(65·[.45, .85, 1]) = [29, 55, 65] and int(98·[.33, .55, .67, 1]) = [32, 53, 65, 98].
/// </summary>
public class SummaryTextTests
{
    private static readonly string Blank65 = new(' ', 65), Blank98 = new(' ', 98);

    [Fact]
    public void FashionMnistSequential()
    {
        var summary = new ModelSummary("fashion_mnist_model",
        [
            new("flatten", "Flatten", "(None, 784)", 0),
            new("dense", "Dense", "(None, 300)", 235500),
            new("dense_1", "Dense", "(None, 100)", 30100),
            new("dense_2", "Dense", "(None, 10)", 1010),
        ], trainableParams: 266610, nonTrainableParams: 0);
        string[] expected =
        [
            "Model: \"fashion_mnist_model\"",
            "_________________________________________________________________",
            " Layer (type)                Output Shape              Param #   ",
            "=================================================================",
            " flatten (Flatten)           (None, 784)               0         ",
            Blank65,
            " dense (Dense)               (None, 300)               235500    ",
            Blank65,
            " dense_1 (Dense)             (None, 100)               30100     ",
            Blank65,
            " dense_2 (Dense)             (None, 10)                1010      ",
            Blank65,
            "=================================================================",
            "Total params: 266,610",
            "Trainable params: 266,610",
            "Non-trainable params: 0",
            "_________________________________________________________________",
        ];
        Assert.All(expected.Skip(1).Take(12), line => Assert.Equal(65, line.Length));
        Assert.Equal(string.Join("\n", expected), summary.ToString());
    }

    [Fact]
    public void FunctionalWideAndDeepWrapsConnections()
    {
        // Géron's Wide & Deep (8 inputs, two Dense(30), Concatenate, Dense(1)) as tf.keras 2.9 prints it: the
        // connection list is cut after "'," so each inbound tensor gets its own line (the rest keeps its leading space).
        var summary = new ModelSummary("model",
        [
            new("input_1", "InputLayer", "[(None, 8)]", 0, []),
            new("dense", "Dense", "(None, 30)", 270, ["input_1[0][0]"]),
            new("dense_1", "Dense", "(None, 30)", 930, ["dense[0][0]"]),
            new("concatenate", "Concatenate", "(None, 38)", 0, ["input_1[0][0]", "dense_1[0][0]"]),
            new("dense_2", "Dense", "(None, 1)", 31, ["concatenate[0][0]"]),
        ], trainableParams: 1231, nonTrainableParams: 0, sequentialLike: false);
        string[] expected =
        [
            "Model: \"model\"",
            new('_', 98),
            " Layer (type)                   Output Shape         Param #     Connected to                     ",
            new('=', 98),
            " input_1 (InputLayer)           [(None, 8)]          0           []                               ",
            Blank98,
            " dense (Dense)                  (None, 30)           270         ['input_1[0][0]']                ",
            Blank98,
            " dense_1 (Dense)                (None, 30)           930         ['dense[0][0]']                  ",
            Blank98,
            " concatenate (Concatenate)      (None, 38)           0           ['input_1[0][0]',                ",
            "                                                                  'dense_1[0][0]']                ",
            Blank98,
            " dense_2 (Dense)                (None, 1)            31          ['concatenate[0][0]']            ",
            Blank98,
            new('=', 98),
            "Total params: 1,231",
            "Trainable params: 1,231",
            "Non-trainable params: 0",
            new('_', 98),
        ];
        Assert.All(expected.Skip(1).Take(15), line => Assert.Equal(98, line.Length));
        Assert.Equal(string.Join("\n", expected), summary.ToString());
    }

    [Fact]
    public void LongCellsWrapAtTheColumnWidth()
    {
        // Column 0 takes 29 − 2 = 27 characters per line; with its leading space and 2-space gap that is 30, one past
        // the stop at 29, so column 1 starts one late (Keras 2.9 behaves so; 2.13 later added a 1-char offset).
        // Column 1 (24 wide) breaks after "),"; its remainder keeps the leading space. Params: no separators.
        var summary = new ModelSummary("m",
        [
            new("a_very_long_layer_name_indeed", "Dense", "[(None, 3), (None, 4)]", 1234567),
        ], trainableParams: 1234567, nonTrainableParams: 1000);
        var lines = summary.ToString().Split('\n');
        Assert.Equal(" a_very_long_layer_name_inde" + "  " + "[(None, 3)," + new string(' ', 14) + "1234567   ", lines[4]);
        Assert.Equal(" ed (Dense)" + new string(' ', 18) + " (None, 4)]" + new string(' ', 25), lines[5]);
        Assert.Equal(Blank65, lines[6]);
        Assert.Equal("Total params: 1,235,567", lines[8]);
        Assert.Equal("Non-trainable params: 1,000", lines[10]);
    }

    [Fact]
    public void CustomLineLengthAndPositions()
    {
        var summary = new ModelSummary("s", [new("d", "Dense", "(None, 1)", 2)], 2, 0);
        var lines = summary.ToString(40, [0.5, 0.8, 1.0]).Split('\n');   // stops 20, 32, 40
        Assert.Equal(new string('_', 40), lines[1]);
        // "Output Shape" exceeds column 1's 32 − 20 − 2 = 10 characters, so the header wraps.
        Assert.Equal(" Layer (type)       Output Sha  Param # ", lines[2]);
        Assert.Equal("                    pe                  ", lines[3]);
        Assert.Equal(" d (Dense)          (None, 1)   2       ", lines[5]);
    }
}
