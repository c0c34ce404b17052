using NotebookNN.Layers;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// The model's summary (keras.Model.summary): <c>ToString()</c> is Keras 2's text layout; in a notebook it renders
    /// as a table. Printing it is <c>Console.WriteLine(model.Summary())</c>.
    /// </summary>
    public ModelSummary Summary()
    {
        if (_graph is not null) return Summarize(FunctionalRows(_graph), sequentialLike: false);
        if (this is not Sequential && (OverridesMultiCall || TrackedLayers.Count > 0)) return SubclassedSummary();
        var shapes = OutputShapesForSummary();
        if (shapes is null)
            throw new InvalidOperationException($"This model \"{Name}\" has not yet been built. Build the model first by calling `Build()` or by calling the model on a batch of data, or give the first layer an `inputShape`.");
        var rows = Layers.Select((l, i) => new SummaryRow(l.Name, l.GetType().Name, KerasTensor.FormatWithBatch(shapes[i]), l.CountParams())).ToList();
        return Summarize(rows, sequentialLike: true);
    }

    private ModelSummary Summarize(List<SummaryRow> rows, bool sequentialLike)
    {
        long trainable = TrainableWeights.Sum(w => (long)w.Size);
        long nonTrainable = NonTrainableWeights.Sum(w => (long)w.Size);
        return new ModelSummary(Name, rows, trainable, nonTrainable, sequentialLike);
    }

    /// <summary>Keras 2 shows a subclassed model's layers with the output shape <c>multiple</c>, once it has been called.</summary>
    private ModelSummary SubclassedSummary()
    {
        if (!Built)
            throw new InvalidOperationException($"This model \"{Name}\" has not yet been built. Build the model first by calling it on a batch of data (or `Fit`, `Predict`).");
        return Summarize(Layers.Select(l => new SummaryRow(l.Name, l.GetType().Name, "multiple", l.CountParams())).ToList(), sequentialLike: true);
    }

    /// <summary>One row per layer with Keras 2's <c>Connected to</c>: the inbound tensors of the layer's nodes in this model.</summary>
    private static List<SummaryRow> FunctionalRows(FunctionalGraph graph)
    {
        var nodes = graph.Nodes.ToHashSet(ReferenceEqualityComparer.Instance);
        return graph.Layers.Select(l =>
        {
            var own = l.InboundNodes.Where(nodes.Contains).ToList();
            var connected = own.SelectMany(n => n.InboundTensors.Select(t => t.ConnectionLabel)).ToList();
            return new SummaryRow(l.Name, l.GetType().Name, SummaryShape(l, own), l.CountParams(), connected);
        }).ToList();
    }

    /// <summary>Keras 2's <c>layer.output_shape</c>: a list for input layers and several outputs, <c>multiple</c> when the calls differ.</summary>
    private static string SummaryShape(Layer layer, List<Node> nodes)
    {
        var texts = nodes.Select(n => n.OutputTensors.Count == 1 && layer is not InputLayer
            ? n.OutputTensors[0].ShapeText
            : "[" + string.Join(", ", n.OutputTensors.Select(t => t.ShapeText)) + "]").Distinct().ToList();
        return texts.Count == 1 ? texts[0] : "multiple";
    }

    /// <summary>Each layer's per-sample output shape, or null when the model has not seen its input shape.</summary>
    private protected virtual IReadOnlyList<Shape>? OutputShapesForSummary()
    {
        if (Layers.Count == 0 || Layers[0].BuiltInputShape is not { } shape) return null;
        var result = new List<Shape>();
        foreach (var l in Layers) { shape = l.ComputeOutputShape(shape); result.Add(shape); }
        return result;
    }
}
