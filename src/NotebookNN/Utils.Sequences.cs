using NotebookNN.Compute.Threading;
using NotebookNN.Tensors;

namespace NotebookNN;

public static partial class Utils
{
    /// <summary>
    /// Multi-hot encodes word-id sequences into a (n, dimension) tensor with 1 wherever a sequence contains that id:
    /// the tutorials' <c>vectorize_sequences(sequences, dimension=10000)</c>.
    /// </summary>
    public static Tensor MultiHot(IReadOnlyList<int[]> sequences, int dimension = 10000)
    {
        CheckSequences(sequences);
        if (dimension <= 0) throw new ArgumentException($"Argument `dimension` must be positive. Received: dimension={dimension}");
        for (int i = 0; i < sequences.Count; i++)
            foreach (int w in sequences[i])
                if ((uint)w >= (uint)dimension)
                    throw new ArgumentException($"Sequence {i} holds index {w}, outside [0, {dimension}); load the data with numWords: {dimension} or raise `dimension`.");
        long size = CheckedSize(sequences.Count, dimension, "A multi-hot matrix", "encode");
        // IMDB's matrix is 1 GB: allocated without the runtime's zeroing pass, each core clears and fills its own rows,
        // and the array becomes the tensor's storage without a copy (25,000 × 10,000: 80k rows/s with a zeroed
        // array, one core and a copy; ~400k now; `bench -- encode`)
        var result = GC.AllocateUninitializedArray<float>((int)size);
        int parts = result.Length >= ParallelThresholds.MultiHotElements ? ComputePool.Workers : 1;
        var body = new MultiHotRows { Sequences = sequences, Dimension = dimension, Result = result, Parts = parts };
        ComputePool.For(parts, ref body);
        return Tensor.Adopt(result, sequences.Count, dimension);
    }

    /// <summary>Part t of MultiHot's rows: cleared, then 1 at each index of each sequence.</summary>
    private struct MultiHotRows : IParallelBody
    {
        public IReadOnlyList<int[]> Sequences;
        public int Dimension, Parts;
        public float[] Result;

        public readonly void Invoke(int t)
        {
            int n = Sequences.Count;
            for (int i = (int)((long)n * t / Parts), end = (int)((long)n * (t + 1) / Parts); i < end; i++)
            {
                var row = Result.AsSpan(i * Dimension, Dimension);
                row.Clear();
                foreach (int w in Sequences[i]) row[w] = 1f;
            }
        }
    }

    /// <summary>
    /// Keras's <c>pad_sequences</c>: pads (and truncates) every sequence to <paramref name="maxlen"/> (default: the
    /// longest), at the start (<c>"pre"</c>, default) or end (<c>"post"</c>), with <paramref name="value"/>; returns (n, maxlen).
    /// </summary>
    public static Tensor PadSequences(IReadOnlyList<int[]> sequences, int? maxlen = null, string padding = "pre", string truncating = "pre", float value = 0f)
    {
        var padAt = SequenceEnds.Padding.Resolve(padding);
        var cutAt = SequenceEnds.Truncating.Resolve(truncating);
        if (maxlen is < 0) throw new ArgumentException($"Argument `maxlen` must be non-negative. Received: maxlen={maxlen}");
        CheckSequences(sequences);
        int len = maxlen ?? (sequences.Count == 0 ? 0 : sequences.Max(s => s.Length));
        var result = new float[CheckedSize(sequences.Count, len, "A padded matrix", "pad")];
        Array.Fill(result, value);
        for (int i = 0; i < sequences.Count; i++)
        {
            var s = sequences[i];
            var kept = s.Length <= len ? s : cutAt == SequenceEnd.Pre ? s[^len..] : s[..len];
            long start = (long)i * len + (padAt == SequenceEnd.Pre ? len - kept.Length : 0);
            for (int j = 0; j < kept.Length; j++) result[start + j] = kept[j];
        }
        return Tensor.Adopt(result, sequences.Count, len);
    }

    /// <summary>The sequences given to MultiHot / PadSequences: a list, and no row null.</summary>
    private static void CheckSequences(IReadOnlyList<int[]> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        for (int i = 0; i < sequences.Count; i++)
            if (sequences[i] is null) throw new ArgumentException($"Sequence {i} is null; expected an int[] of word ids (empty for no words).");
    }

    /// <summary>rows × columns, or a clear error when one tensor cannot hold that many values.</summary>
    private static long CheckedSize(int rows, int columns, string what, string verb)
    {
        long size = (long)rows * columns;
        if (size > Array.MaxLength)
            throw new ArgumentException($"{what} of {rows} × {columns} has {size} elements, more than one tensor holds ({Array.MaxLength}); {verb} fewer sequences at a time.");
        return size;
    }
}
