namespace NotebookNN.Display;

/// <summary>
/// One draw of a live progress display in a notebook (Fit's, or a standalone Evaluate's or Predict's), as data: the
/// running bar with its header and the last finished epoch, or the table of finished epochs, and the message of an
/// interruption. The notebook formatter draws it as HTML; <see cref="Text"/> is Keras's own output for the same state.
/// </summary>
public sealed partial class LiveView
{
    internal LiveView(string text) => Text = text;

    /// <summary>The running epoch (<c>Epoch 3/30</c>), shown before the bar; null without one.</summary>
    public string? Header { get; init; }

    /// <summary>The bar's step and step count; null when no bar is shown.</summary>
    public (int Step, int Steps)? Bar { get; init; }

    /// <summary>What follows the bar: the count, ETA or time and values (<c>120/1875 - ETA: 12s - loss: 0.4321</c>).</summary>
    public string BarLabel { get; init; } = "";

    /// <summary>The last finished epoch's line (<c>Epoch 2/30 - 3.1s - loss: 0.5123</c>), shown under the bar; or null.</summary>
    public string? Previous { get; init; }

    /// <summary>Every finished epoch, when training has ended (else empty).</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; init; } = [];

    /// <summary>The epochs asked for (the table's <c>3/30</c>).</summary>
    public int EpochCount { get; init; }

    /// <summary>Why the call stopped early (the notebook's stop button), or null.</summary>
    public string? Message { get; init; }

    /// <summary>The plain text: what Keras prints for the same state.</summary>
    public string Text { get; }

    /// <summary>The plain text.</summary>
    public override string ToString() => Text;
}
