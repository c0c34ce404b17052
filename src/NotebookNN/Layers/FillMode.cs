namespace NotebookNN.Layers;

/// <summary>
/// How the augmentation layers fill points outside the input (Keras's <c>fill_mode</c>: <c>"reflect"</c>,
/// <c>"wrap"</c>, <c>"constant"</c>, <c>"nearest"</c>); parse the string with <c>KerasEnum.Parse&lt;FillMode&gt;(fillMode, "fill_mode")</c>.
/// </summary>
public enum FillMode
{
    /// <summary>Mirrored about the edge of the last pixel (d c b a | a b c d | d c b a).</summary>
    Reflect,
    /// <summary>Wrapped around to the opposite edge (a b c d | a b c d | a b c d).</summary>
    Wrap,
    /// <summary>A constant value (<c>fill_value</c>, 0 by default).</summary>
    Constant,
    /// <summary>The nearest pixel repeated (a a a a | a b c d | d d d d).</summary>
    Nearest,
}
