namespace NotebookNN;

public static partial class Utils
{
    /// <summary>
    /// Multi-hot encodes word-id sequences into a (n, dimension) tensor with 1 wherever a sequence contains that id:
    /// the tutorials' <c>vectorize_sequences(sequences, dimension=10000)</c>.
    /// </summary>
    public static Tensor MultiHot(IReadOnlyList<int[]> sequences, int dimension = 10000)
    {
        if (dimension <= 0) throw new ArgumentException($"Argument `dimension` must be positive. Received: dimension={dimension}");
        var result = new float[(long)sequences.Count * dimension];
        for (int i = 0; i < sequences.Count; i++)
            foreach (int w in sequences[i])
            {
                if ((uint)w >= (uint)dimension)
                    throw new ArgumentException($"Sequence {i} holds index {w}, outside [0, {dimension}); load the data with numWords: {dimension} or raise `dimension`.");
                result[(long)i * dimension + w] = 1f;
            }
        return Tensor.From(result, [sequences.Count, dimension]);
    }

    /// <summary>
    /// Keras's <c>pad_sequences</c>: pads (and truncates) every sequence to <paramref name="maxlen"/> (default: the
    /// longest), at the start (<c>"pre"</c>, default) or end (<c>"post"</c>), with <paramref name="value"/>; returns (n, maxlen).
    /// </summary>
    public static Tensor PadSequences(IReadOnlyList<int[]> sequences, int? maxlen = null, string padding = "pre", string truncating = "pre", float value = 0f)
    {
        if (padding is not ("pre" or "post")) throw new ArgumentException($"Padding type \"{padding}\" not understood");
        if (truncating is not ("pre" or "post")) throw new ArgumentException($"Truncating type \"{truncating}\" not understood");
        if (maxlen is < 0) throw new ArgumentException($"Argument `maxlen` must be non-negative. Received: maxlen={maxlen}");
        int len = maxlen ?? (sequences.Count == 0 ? 0 : sequences.Max(s => s.Length));
        var result = new float[(long)sequences.Count * len];
        Array.Fill(result, value);
        for (int i = 0; i < sequences.Count; i++)
        {
            var s = sequences[i];
            var kept = s.Length <= len ? s : truncating == "pre" ? s[^len..] : s[..len];
            long start = (long)i * len + (padding == "pre" ? len - kept.Length : 0);
            for (int j = 0; j < kept.Length; j++) result[start + j] = kept[j];
        }
        return Tensor.From(result, [sequences.Count, len]);
    }
}
