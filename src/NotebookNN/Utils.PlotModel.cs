using System.Text;
using NotebookNN.Formatting;
using NotebookNN.Models;
using NotebookNN.Plotting;
using NotebookNN.Saving;

namespace NotebookNN;

public static partial class Utils
{
    /// <summary>
    /// The model's graph (keras.utils.plot_model), drawn inline: one box per layer titled <c>conv2d (Conv2D)</c>, with
    /// its input and output shapes under it when <paramref name="showShapes"/>, and an arrow to each layer it feeds —
    /// Sequential stacks and functional models with branches and merges alike. In a notebook it shows as an SVG
    /// picture (also kept in a saved notebook); <c>ToString()</c> lists the layers and their inputs.
    /// </summary>
    /// <param name="model">A built Sequential model, a functional model, or a subclassed model (drawn as one box).</param>
    /// <param name="toFile">Also write the SVG to this file (written atomically; the name must end in <c>.svg</c>).</param>
    /// <param name="showShapes">Show each layer's input and output shapes.</param>
    /// <param name="showDtype">Show each layer's output dtype.</param>
    /// <param name="showLayerNames">Title each box <c>name (Class)</c>; the class alone when false.</param>
    /// <param name="rankdir"><c>"TB"</c> (top to bottom) or <c>"LR"</c> (left to right).</param>
    /// <param name="showLayerActivations">Show the activation of layers that have one (Dense, Conv2D, ...).</param>
    /// <param name="showTrainable">Mark layers with weights as trainable or not.</param>
    public static ModelPlot PlotModel(Model model, string? toFile = null, bool showShapes = false, bool showDtype = false,
        bool showLayerNames = true, string rankdir = "TB", bool showLayerActivations = false, bool showTrainable = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (rankdir is not ("TB" or "LR"))
            throw new ArgumentException($"Invalid value for argument `rankdir`: expected \"TB\" (top to bottom) or \"LR\" (left to right). Received: rankdir='{rankdir}'", nameof(rankdir));
        if (toFile is not null && !toFile.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Utils.PlotModel draws SVG: `toFile` must end in \".svg\" (e.g. \"model.svg\"). Received: toFile='{toFile}'", nameof(toFile));
        var graph = ModelGraph.Of(model, new PlotOptions(showShapes, showDtype, showLayerNames, showLayerActivations, showTrainable));
        var svg = ModelGraphSvg.Render(graph, showLayerNames, leftToRight: rankdir == "LR", model.Name);
        if (toFile is not null) SaveTarget.WriteAtomic(toFile, "the model plot", f => f.Write(Encoding.UTF8.GetBytes(svg)));
        return new ModelPlot(svg, ModelGraphText.Render(graph, showLayerNames));
    }
}
