namespace NotebookNN.Plotting;

/// <summary>
/// A model's graph as <c>Utils.PlotModel</c> draws it (keras.utils.plot_model): the picture as an SVG document and a
/// list of the layers with their inputs. A notebook shows the picture; <see cref="ToString"/> gives the list.
/// </summary>
public sealed partial class ModelPlot
{
    internal ModelPlot(string svg, string text) => (Svg, Text) = (svg, text);

    /// <summary>The picture: one box per layer, an arrow to each layer it feeds.</summary>
    public string Svg { get; }

    /// <summary>The layers in order, each with its shapes and the layers it takes its input from.</summary>
    public string Text { get; }

    /// <summary>The list of layers.</summary>
    public override string ToString() => Text;
}
