using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Functional;

/// <summary>
/// Summaries of functional models as Keras 2 prints them (tf.keras 2.9–2.12): Géron's Wide & Deep printout
/// (chapter 10: 270 + 930 + 39 = 1,239 parameters) with InputLayer rows <c>[(None, 8)]</c> and <c>Connected to</c>, and Keras 2's automatic names.
/// </summary>
[Collection(KerasSessionCollection.Name)]
public class FunctionalSummaryTests
{
    [Fact]
    public void WideAndDeepPrintsLikeKeras2()
    {
        Keras.ClearSession();
        var input = new Input(shape: [8]);
        var hidden1 = new Dense(30, activation: "relu").Call(input);
        var hidden2 = new Dense(30, activation: "relu").Call(hidden1);
        var concat = new Concatenate().Call(input, hidden2);
        var output = new Dense(1).Call(concat);
        var model = new Model(inputs: input, outputs: output);
        Assert.Equal("model", model.Name);
        var blank = new string(' ', 98);
        string[] expected =
        [
            "Model: \"model\"",
            new('_', 98),
            " Layer (type)                   Output Shape         Param #     Connected to                     ",
            new('=', 98),
            " input_1 (InputLayer)           [(None, 8)]          0           []                               ",
            blank,
            " dense (Dense)                  (None, 30)           270         ['input_1[0][0]']                ",
            blank,
            " dense_1 (Dense)                (None, 30)           930         ['dense[0][0]']                  ",
            blank,
            " concatenate (Concatenate)      (None, 38)           0           ['input_1[0][0]',                ",
            "                                                                  'dense_1[0][0]']                ",
            blank,
            " dense_2 (Dense)                (None, 1)            39          ['concatenate[0][0]']            ",
            blank,
            new('=', 98),
            "Total params: 1,239",
            "Trainable params: 1,239",
            "Non-trainable params: 0",
            new('_', 98),
        ];
        Assert.Equal(string.Join("\n", expected), model.Summary().ToString());
    }

    [Fact]
    public void SharedLayerListsEveryCallAndTwoInputsComeFirst()
    {
        Keras.ClearSession();
        var a = new Input(shape: [3]);
        var b = new Input(shape: [3]);
        var shared = new Dense(2);
        var sum = new Add().Call(shared.Call(a), shared.Call(b));
        var model = new Model([a, b], sum);
        var rows = model.Summary().Rows;
        Assert.Equal(["input_1", "input_2", "dense", "add"], rows.Select(r => r.Name));
        Assert.Equal(["input_1[0][0]", "input_2[0][0]"], rows[2].ConnectedTo);
        Assert.Equal("(None, 2)", rows[2].OutputShape);
        Assert.Equal(["dense[0][0]", "dense[1][0]"], rows[3].ConnectedTo);
        Assert.Equal(8, model.Summary().TotalParams);
    }
}
