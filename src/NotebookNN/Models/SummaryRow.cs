namespace NotebookNN.Models;

/// <summary>One layer's line in a model summary (Keras's <c>model.summary()</c>).</summary>
/// <param name="Name">The layer name, e.g. <c>dense_1</c>.</param>
/// <param name="TypeName">The layer class name, e.g. <c>Dense</c>.</param>
/// <param name="OutputShape">The output shape as Keras prints it, e.g. <c>(None, 28, 28)</c> or <c>[(None, 8)]</c>.</param>
/// <param name="ParamCount">Number of weights (trainable and not).</param>
/// <param name="ConnectedTo">Inbound connections as <c>layer[node][tensor]</c>, e.g. <c>input_1[0][0]</c>;
/// shown only in the functional layout.</param>
public sealed record SummaryRow(string Name, string TypeName, string OutputShape, long ParamCount,
    IReadOnlyList<string>? ConnectedTo = null);
