namespace NotebookNN.Layers;

/// <summary>
/// A convolution's or pooling's <c>padding</c> (Keras's <c>"valid"</c> / <c>"same"</c>); layers take Keras's string
/// and parse it once with <c>KerasEnum.Parse&lt;Padding&gt;(padding, "padding")</c>.
/// </summary>
public enum Padding
{
    /// <summary>No padding: the window stays inside the input.</summary>
    Valid,
    /// <summary>Zeros around the input so that the output has ceil(input / stride) positions (TensorFlow's split: the extra one after).</summary>
    Same,
}
