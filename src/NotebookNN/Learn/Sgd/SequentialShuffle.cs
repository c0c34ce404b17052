namespace NotebookNN.Learn;

/// <summary>
/// The per-epoch shuffle of scikit-learn's <c>SequentialDataset</c>: a Fisher–Yates pass driven by its xorshift
/// generator (<c>our_rand_r</c>), run with the same seed every epoch on the order the previous epoch left.
/// </summary>
internal static class SequentialShuffle
{
    public static void Shuffle(int[] order, uint seed)
    {
        int n = order.Length;
        for (int i = 0; i < n - 1; i++)
        {
            int j = i + (int)(Next(ref seed) % (uint)(n - i));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>One step of the generator: a value in [0, 2³¹).</summary>
    private static uint Next(ref uint seed)
    {
        if (seed == 0) seed = 1;
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        return seed % 0x80000000u;
    }
}
