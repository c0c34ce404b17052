using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Layers;

namespace NotebookNN.Tests.Formatting;

/// <summary>Formats values through the Formatting package's <see cref="Formatter"/> (the kernel's own path) and
/// checks the HTML structurally.</summary>
public class FormatterTests
{
    private static string HtmlOf(object v) => v.ToDisplayString("text/html");

    private static List<List<string>> Cells(string html, string section) =>
        [.. Regex.Matches(Regex.Match(html, $"<{section}>(.*?)</{section}>", RegexOptions.Singleline).Groups[1].Value, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups[1].Value, "<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline).Select(c => c.Groups[1].Value).ToList())];

    private static Sequential Mlp(string name = "sequential")
    {
        var m = new Sequential(name: name);
        m.Add(new Dense(64, activation: "relu", inputShape: [784], name: "hidden"));
        m.Add(new Dense(10, name: "out"));
        return m;
    }

    [Fact]
    public void Evaluation_result_is_a_row_of_named_values_and_keras_list_text()
    {
        var r = new EvaluationResult([new("loss", 0.3501207232475281), new("accuracy", 0.28125), new("mae", 1.0), new("mse", 1e-05)]);
        // Python: repr([0.3501207232475281, 0.28125, 1.0, 1e-05])
        Assert.Equal("[0.3501207232475281, 0.28125, 1.0, 1e-05]", r.ToDisplayString("text/plain"));
        var html = HtmlOf(r);
        Assert.Equal(["loss", "accuracy", "mae", "mse"], Cells(html, "thead")[0]);
        // Keras's bar: "%.4f" % 0.28125 == "0.2812" (an exact binary midpoint rounds to even), "%.4e" % 1e-05 below 1e-3
        Assert.Equal(["0.3501", "0.2812", "1.0000", "1.0000e-05"], Cells(html, "tbody")[0]);
        Assert.Equal("loss: 0.3501 - accuracy: 0.2812 - mae: 1.0000 - mse: 1.0000e-05", r.ToString());
    }

    [Fact]
    public void Layer_is_keras_repr_and_a_table_of_its_weights_and_a_model_stays_a_summary()
    {
        var m = Mlp();
        var hidden = m.Layers[0];
        Assert.Equal("<Dense name=hidden, built=True>", hidden.ToDisplayString("text/plain"));
        var html = HtmlOf(hidden);
        Assert.Contains("<code>&lt;Dense name=hidden, built=True&gt;</code>", html);
        Assert.Equal(["weight", "shape", "trainable", "size"], Cells(html, "thead")[0]);
        Assert.Equal([["kernel", "(784, 64)", "yes", "50,176"], ["bias", "(64,)", "yes", "64"]], Cells(html, "tbody"));
        Assert.DoesNotContain("array(", html); // no weight values
        Assert.Equal("<Dense name=probe, built=False>", new Dense(3, name: "probe").ToDisplayString("text/plain"));
        // the model itself (a layer too) is still shown as its summary
        Assert.Equal(m.Summary().ToString(), m.ToDisplayString("text/plain"));
        Assert.Contains("Total params", HtmlOf(m));
    }

    [Fact]
    public void Symbolic_tensors_are_their_keras_repr_not_an_object_tree()
    {
        var input = new Input(shape: [3], name: "features");
        var hidden = new Dense(2, name: "hidden").Call(input);
        Assert.Equal("<KerasTensor shape=(None, 3), name=features>", input.ToDisplayString("text/plain"));
        Assert.Equal("<code>&lt;KerasTensor shape=(None, 2), name=hidden&gt;</code>", HtmlOf(hidden));
    }

    [Fact]
    public void Hyperparameters_are_a_table_of_values_and_their_search_space()
    {
        var hp = new HyperParameters();
        hp.Int("n_hidden", 0, 3, defaultValue: 2);
        hp.Float("learning_rate", 3e-4, 3e-2, sampling: "log", defaultValue: 1e-3);
        hp.Choice("units", [32, 64]);
        hp.Boolean("dropout");
        hp.Int("batch", 16, 64, step: 16);
        var html = HtmlOf(hp);
        Assert.Equal(["hyperparameter", "value", "search space"], Cells(html, "thead")[0]);
        Assert.Equal([["n_hidden", "2", "Int [0, 3]"], ["learning_rate", "0.001", "Float [0.0003, 0.03], log"], ["units", "32", "Choice [32, 64]"],
            ["dropout", "False", "Boolean"], ["batch", "16", "Int [16, 64], step 16"]], Cells(html, "tbody"));
        Assert.Contains("<td class=\"l\">Int [0, 3]</td>", html); // text, left-aligned; the values stay right-aligned
        Assert.Contains("<td>2</td>", html);
        Assert.Equal("n_hidden: 2, learning_rate: 0.001, units: 32, dropout: False, batch: 16", hp.ToDisplayString("text/plain"));
    }

    [Fact]
    public void A_history_without_epochs_says_so()
    {
        var m = Mlp();
        m.Compile(optimizer: "sgd", loss: "mse");
        var h = m.Fit(Tensor.Ones(new Shape(4, 784)), Tensor.Ones(new Shape(4, 10)), epochs: 0, verbose: 0);
        Assert.Equal("History(0 epochs)", h.ToDisplayString("text/plain"));
    }

    [Fact]
    public void Summary_table_has_one_row_per_layer_and_the_totals()
    {
        var html = HtmlOf(Mlp().Summary());
        Assert.Contains("Model: &quot;sequential&quot;", html.Replace("\"sequential\"", "&quot;sequential&quot;"));
        var head = Cells(html, "thead");
        Assert.Equal(["Layer (type)", "Output Shape", "Param #"], head[0]);
        var body = Cells(html, "tbody");
        Assert.Equal(2, body.Count);
        // Dense params = inputs·units + units, computed here independently.
        Assert.Equal(["hidden (Dense)", "(None, 64)", $"{784 * 64 + 64:N0}"], body[0]);
        Assert.Equal(["out (Dense)", "(None, 10)", $"{64 * 10 + 10:N0}"], body[1]);
        var foot = Cells(html, "tfoot");
        long total = 784 * 64 + 64 + 64 * 10 + 10;
        Assert.Equal(["Total params:", $"{total:N0}"], foot[0]);
        Assert.Equal(["Trainable params:", $"{total:N0}"], foot[1]);
        Assert.Equal(["Non-trainable params:", "0"], foot[2]);
    }

    [Fact]
    public void Model_formats_as_its_summary_and_plain_text_is_keras_text()
    {
        var m = Mlp();
        Assert.Contains("hidden (Dense)", HtmlOf(m));
        Assert.Equal(m.Summary().ToString(), m.ToDisplayString("text/plain"));
        Assert.Equal(m.Summary().ToString(), m.Summary().ToDisplayString("text/plain"));
    }

    [Fact]
    public void Unbuilt_model_shows_keras_message()
    {
        var m = new Sequential();
        m.Add(new Dense(3));
        Assert.Contains("has not yet been built", HtmlOf(m));
    }

    [Fact]
    public void Layer_and_model_names_are_escaped()
    {
        var m = new Sequential(name: "a<b&c");
        m.Add(new Dense(2, inputShape: [3], name: "x<y&z"));
        var html = HtmlOf(m.Summary());
        Assert.Contains("x&lt;y&amp;z (Dense)", html);
        Assert.Contains("a&lt;b&amp;c", html);
        Assert.DoesNotContain("x<y", html);
        Assert.DoesNotContain("a<b", html);
    }

    [Fact]
    public void Tensor_html_has_shape_dtype_and_values()
    {
        var t = Tensor.From(new float[,] { { 1f, 2.5f, -3f }, { 4f, 5f, 6f } });
        var html = HtmlOf(t);
        Assert.Contains("shape=(2, 3) dtype=float32", html);
        var head = Cells(html, "thead");
        Assert.Equal(["", "0", "1", "2"], head[0]);
        var body = Cells(html, "tbody");
        Assert.Equal(["[0]", "1.", "2.5", "-3."], body[0]);
        Assert.Equal(["[1]", "4.", "5.", "6."], body[1]);
        Assert.Equal(t.ToString(), t.ToDisplayString("text/plain"));
    }

    [Fact]
    public void Long_tensor_axes_are_elided_numpy_style()
    {
        var t = Tensor.From(Enumerable.Range(0, 40 * 30).Select(i => (float)(i + 100)).ToArray()).Reshape(40, 30);
        var html = HtmlOf(t);
        var body = Cells(html, "tbody");
        Assert.Equal(11, body.Count); // 5 + … + 5
        Assert.Equal("…", body[5][0]);
        Assert.Equal("[39]", body[10][0]);
        Assert.Equal(12, body[0].Count); // label + 5 + … + 5
        Assert.Equal((39 * 30 + 29 + 100).ToString() + ".", body[10][^1]);
        Assert.Equal("104.", body[0][5]);
        Assert.Equal("…", body[0][6]);
        Assert.Equal("125.", body[0][7]); // column 25 follows the elision
        Assert.Contains("<img", html); // a 40×30 matrix is also drawn as an image
    }

    [Fact]
    public void Three_d_tensor_rows_are_indexed_by_leading_axes()
    {
        var t = Tensor.From(Enumerable.Range(0, 12).Select(i => (float)i).ToArray()).Reshape(2, 3, 2);
        var body = Cells(HtmlOf(t), "tbody");
        Assert.Equal(6, body.Count);
        Assert.Equal(["[1, 2]", "10.", "11."], body[5]);
    }
}

public class TensorViewFormatterTests
{
    [Fact]
    public void Transposed_view_previews_its_own_elements()
    {
        var t = Tensor.From(new float[,] { { 1f, 2f, 3f }, { 4f, 5f, 6f } }).Transpose();
        var html = t.ToDisplayString("text/html");
        Assert.Contains("shape=(3, 2)", html);
        Assert.Contains("<tr><th class=\"l\">[2]</th><td>3.</td><td>6.</td></tr>", html);
    }

    [Fact]
    public void Scalar_and_empty_tensors_format()
    {
        Assert.Contains("<td>2.5</td>", Tensor.Scalar(2.5f).ToDisplayString("text/html"));
        var empty = Tensor.Zeros(new Shape(0, 3)).ToDisplayString("text/html");
        Assert.Contains("shape=(0, 3)", empty);
        Assert.DoesNotContain("<td>", empty);
    }
}
