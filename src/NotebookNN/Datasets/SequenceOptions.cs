namespace NotebookNN.Datasets;

/// <summary>
/// The word-index processing shared by <see cref="Imdb"/> and <see cref="Reuters"/>, in Keras's order: prefix
/// <c>startChar</c> and shift ids by <c>indexFrom</c>, drop sequences not shorter than <c>maxlen</c>, then replace ids
/// outside [skipTop, numWords) by <c>oovChar</c> (or drop them when oovChar is null).
/// </summary>
internal sealed record SequenceOptions(int? NumWords, int SkipTop, int? Maxlen, int? StartChar, int? OovChar, int IndexFrom)
{
    public void Validate()
    {
        if (NumWords is <= 0) throw new ArgumentOutOfRangeException(nameof(NumWords), $"Argument `num_words` must be positive or null. Received: num_words={NumWords}");
        if (SkipTop < 0) throw new ArgumentOutOfRangeException(nameof(SkipTop), $"Argument `skip_top` must be non-negative. Received: skip_top={SkipTop}");
        if (Maxlen is <= 0) throw new ArgumentOutOfRangeException(nameof(Maxlen), $"Argument `maxlen` must be positive or null. Received: maxlen={Maxlen}");
    }

    /// <summary>Shifts/prefixes each sequence and drops the long ones (with their labels).</summary>
    public (List<int[]> X, List<float> Y) Prepare(int[][] xs, float[] labels, int[] order)
    {
        var x = new List<int[]>(xs.Length);
        var y = new List<float>(xs.Length);
        foreach (int i in order)
        {
            var src = xs[i];
            int off = StartChar is null ? 0 : 1;
            var seq = new int[src.Length + off];
            if (StartChar is { } s) seq[0] = s;
            for (int j = 0; j < src.Length; j++) seq[j + off] = src[j] + IndexFrom;
            if (Maxlen is { } m && seq.Length >= m) continue;
            x.Add(seq);
            y.Add(labels[i]);
        }
        return (x, y);
    }

    /// <summary>Applies the vocabulary limits to all sequences (train and test together, as Keras does).</summary>
    public int[][] Clip(List<int[]> xs)
    {
        int numWords = NumWords ?? xs.Where(s => s.Length > 0).Select(s => s.Max()).DefaultIfEmpty(0).Max();
        var result = new int[xs.Count][];
        for (int i = 0; i < result.Length; i++)
        {
            var s = xs[i];
            result[i] = OovChar is { } oov
                ? s.Select(w => SkipTop <= w && w < numWords ? w : oov).ToArray()
                : s.Where(w => SkipTop <= w && w < numWords).ToArray();
        }
        return result;
    }

    public void RequireKept(int count)
    {
        if (count == 0)
            throw new ArgumentException($"After filtering for sequences shorter than maxlen={Maxlen}, no sequence was kept. Increase maxlen.");
    }
}
