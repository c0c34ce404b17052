using NotebookNN.Layers;

namespace NotebookNN;

public partial class Model
{
    /// <summary>
    /// The model's summary (keras.Model.summary): <c>ToString()</c> is Keras 2's text layout; in a notebook it renders
    /// as a table. Printing it is <c>Console.WriteLine(model.Summary())</c>.
    /// </summary>
    public ModelSummary Summary()
    {
        var shapes = OutputShapesForSummary();
        if (shapes is null)
            throw new InvalidOperationException($"This model \"{Name}\" has not yet been built. Build the model first by calling `Build()` or by calling the model on a batch of data, or give the first layer an `inputShape`.");
        var rows = Layers.Select((l, i) => new SummaryRow(l.Name, l.GetType().Name, KerasTensor.FormatWithBatch(shapes[i]), l.CountParams())).ToList();
        long trainable = TrainableWeights.Sum(w => (long)w.Size);
        long nonTrainable = NonTrainableWeights.Sum(w => (long)w.Size);
        return new ModelSummary(Name, rows, trainable, nonTrainable, sequentialLike: true);
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
