using NotebookNN.Registries;

namespace NotebookNN;

/// <summary>Which end of a sequence <see cref="Utils.PadSequences"/> pads or truncates (Keras's <c>"pre"</c> / <c>"post"</c>).</summary>
internal enum SequenceEnd
{
    Pre,
    Post,
}

internal static class SequenceEnds
{
    /// <summary><c>padding</c>, refused in Keras's words: <c>Padding type "middle" not understood.</c></summary>
    public static readonly Registry<SequenceEnd> Padding = KerasEnum.Registry<SequenceEnd>("padding", v => $"Padding type \"{v}\" not understood.");

    /// <summary><c>truncating</c>, refused in Keras's words: <c>Truncating type "middle" not understood.</c></summary>
    public static readonly Registry<SequenceEnd> Truncating = KerasEnum.Registry<SequenceEnd>("truncating", v => $"Truncating type \"{v}\" not understood.");
}
