namespace NotebookNN.Models;

/// <summary>
/// The content of Keras's <c>model.summary()</c>: model name, one row per layer and the parameter counts.
/// <see cref="ToString()"/> gives Keras 2's text layout; notebook formatters render it as a table.
/// </summary>
public sealed partial class ModelSummary
{
    /// <param name="modelName">The model name, e.g. <c>sequential</c>.</param>
    /// <param name="rows">One row per layer, in order.</param>
    /// <param name="trainableParams">Number of trainable weights.</param>
    /// <param name="nonTrainableParams">Number of non-trainable weights.</param>
    /// <param name="sequentialLike">True for a plain stack of layers (3 columns, 65 wide); false for a graph
    /// (adds <c>Connected to</c>, 98 wide), as Keras decides from the model's nodes.</param>
    public ModelSummary(string modelName, IReadOnlyList<SummaryRow> rows, long trainableParams, long nonTrainableParams,
        bool sequentialLike = true)
    {
        ModelName = modelName;
        Rows = rows;
        TrainableParams = trainableParams;
        NonTrainableParams = nonTrainableParams;
        SequentialLike = sequentialLike;
    }

    /// <summary>The model name.</summary>
    public string ModelName { get; }
    /// <summary>The layer rows.</summary>
    public IReadOnlyList<SummaryRow> Rows { get; }
    /// <summary>Number of trainable weights.</summary>
    public long TrainableParams { get; }
    /// <summary>Number of non-trainable weights.</summary>
    public long NonTrainableParams { get; }
    /// <summary>Total number of weights.</summary>
    public long TotalParams => TrainableParams + NonTrainableParams;
    /// <summary>Whether the sequential (3-column) layout is used.</summary>
    public bool SequentialLike { get; }

    /// <summary>Keras 2's text layout with optional <c>line_length</c> and column <c>positions</c> (fractions or absolute).</summary>
    public string ToString(int? lineLength, IReadOnlyList<double>? positions = null) =>
        string.Join("\n", SummaryText.Lines(this, lineLength, positions));

    /// <summary>Keras 2's text layout, e.g. ending in <c>Total params: 266,610</c>.</summary>
    public override string ToString() => ToString(null);
}
