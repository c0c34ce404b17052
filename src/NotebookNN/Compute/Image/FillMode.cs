namespace NotebookNN.Compute.Image;

/// <summary>
/// How a transformed image is filled where its source lies outside the input: Keras's <c>fill_mode</c> of the image
/// augmentation layers (TensorFlow's ImageProjectiveTransform, which they use). The layers take Keras's string and parse
/// it once with <c>KerasEnum.Parse&lt;FillMode&gt;</c>; each member's Keras string is its name in snake case, in
/// Keras's order (<c>"reflect"</c>, <c>"wrap"</c>, <c>"constant"</c>, <c>"nearest"</c>).
/// </summary>
internal enum FillMode
{
    /// <summary>(d c b a | a b c d | d c b a): mirrored about the edge of the last pixel.</summary>
    Reflect,
    /// <summary>(a b c d | a b c d | a b c d): the image repeated.</summary>
    Wrap,
    /// <summary>(k k k k | a b c d | k k k k): a constant value (<c>fill_value</c>, 0 by default).</summary>
    Constant,
    /// <summary>(a a a a | a b c d | d d d d): the nearest edge pixel.</summary>
    Nearest,
}
