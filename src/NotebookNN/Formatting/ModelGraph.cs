using NotebookNN.Layers;
using NotebookNN.Models;

namespace NotebookNN.Formatting;

/// <summary>What <c>Utils.PlotModel</c> shows of each layer (Keras's <c>plot_model</c> options).</summary>
internal readonly record struct PlotOptions(bool ShowShapes, bool ShowDtype, bool ShowLayerNames, bool ShowLayerActivations, bool ShowTrainable);

/// <summary>One box of a model plot: the layer's name, its class and the cells under the title.</summary>
internal sealed record PlotBox(string Name, string ClassName, IReadOnlyList<string> Cells)
{
    /// <summary>Keras's title line, <c>conv2d (Conv2D)</c> (the class alone without layer names).</summary>
    public string Title(bool withName) => withName ? $"{Name} ({ClassName})" : ClassName;
}

/// <summary>
/// The boxes and arrows of a model as Keras's <c>plot_model</c> draws it: one box per layer (a layer called twice is
/// one box with the arrows of both calls), the input layers first, an arrow from the layer that produced each input of
/// a call; a subclassed model, whose graph is only known by running it, is one box. Cells as Keras 3 writes them:
/// <c>Activation: relu</c>, <c>Output dtype: float32</c>, <c>Input shape: (None, 28, 28, 1)</c>,
/// <c>Output shape: (None, 28, 28, 32)</c>, <c>Trainable</c>.
/// </summary>
internal sealed class ModelGraph
{
    private ModelGraph(List<PlotBox> boxes, List<(int From, int To)> edges)
    {
        Boxes = boxes;
        Edges = edges;
    }

    public IReadOnlyList<PlotBox> Boxes { get; }
    public IReadOnlyList<(int From, int To)> Edges { get; }

    public static ModelGraph Of(Model model, PlotOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Outputs.Count == 0)
        {
            if (model is Sequential)
                throw new InvalidOperationException($"This model \"{model.Name}\" has not yet been built. Build the model first by calling `Build()` or by calling the model on a batch of data, or give the first layer an `inputShape`.");
            return new ModelGraph([MakeBox(model, [], options)], []);   // a subclassed model is one box, as in Keras
        }
        var nodes = ReachableNodes(model);
        var layers = new List<Layer>();
        foreach (var n in nodes) if (!layers.Contains(n.Layer)) layers.Add(n.Layer);
        var index = new Dictionary<Layer, int>(ReferenceEqualityComparer.Instance);
        foreach (var l in layers) index[l] = index.Count;
        var edges = new List<(int From, int To)>();
        foreach (var n in nodes)
            foreach (var t in n.InboundTensors)
                if (!edges.Contains((index[t.Producer], index[n.Layer]))) edges.Add((index[t.Producer], index[n.Layer]));
        var boxes = layers.Select(l => MakeBox(l, nodes.Where(n => n.Layer == l).ToList(), options)).ToList();
        return new ModelGraph(boxes, edges);
    }

    /// <summary>The calls from the model's inputs to its outputs, each after the calls it depends on.</summary>
    private static List<Node> ReachableNodes(Model model)
    {
        var order = new List<Node>();
        var done = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        void Visit(Node node)
        {
            if (!done.Add(node)) return;
            foreach (var t in node.InboundTensors) Visit(t.Node!);
            order.Add(node);
        }
        foreach (var input in model.Inputs) Visit(input.Node!);   // the inputs first, in the model's order
        foreach (var output in model.Outputs) Visit(output.Node!);
        return order;
    }

    private static PlotBox MakeBox(Layer layer, List<Node> calls, PlotOptions o)
    {
        var cells = new List<string>();
        if (o.ShowLayerActivations && ActivationName(layer) is { } activation) cells.Add($"Activation: {activation}");
        if (o.ShowDtype) cells.Add("Output dtype: float32");
        if (o.ShowShapes)
        {
            cells.Add($"Input shape: {ShapeText(calls, inputs: true, layer)}");
            cells.Add($"Output shape: {ShapeText(calls, inputs: false, layer)}");
        }
        if (o.ShowTrainable && layer.Weights.Count > 0) cells.Add(layer.Trainable ? "Trainable" : "Non-trainable");
        return new PlotBox(layer.Name, ClassName(layer), cells);
    }

    /// <summary>Keras's class name: a functional model nested as a layer is <c>Functional</c>.</summary>
    private static string ClassName(Layer layer) => layer is Model { IsFunctional: true } m && m.GetType() == typeof(Model) ? "Functional" : layer.GetType().Name;

    /// <summary>The name of a layer's <c>Activation</c> (Dense, Conv2D, ...), Keras's <c>hasattr(layer, "activation")</c>.</summary>
    private static string? ActivationName(Layer layer) =>
        layer.GetType().GetProperty("Activation")?.GetValue(layer) is ActivationFunction f ? f.Name : null;

    /// <summary>The shapes of the calls: one tensor as <c>(None, 13)</c>, several as a list; an input layer's input is
    /// its output; <c>?</c> for a layer never called here, <c>multiple</c> when the calls differ.</summary>
    private static string ShapeText(List<Node> calls, bool inputs, Layer layer)
    {
        var texts = calls.Select(n =>
        {
            var tensors = inputs && layer is not InputLayer ? n.InboundTensors : n.OutputTensors;
            return tensors.Count == 1 ? tensors[0].ShapeText : "[" + string.Join(", ", tensors.Select(t => t.ShapeText)) + "]";
        }).Distinct().ToList();
        return texts.Count switch { 0 => "?", 1 => texts[0], _ => "multiple" };
    }
}
