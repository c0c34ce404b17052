namespace NotebookNN.Datasets;

/// <summary>
/// numpy's legacy <c>np.random.RandomState(seed)</c>: the MT19937 generator seeded as numpy seeds it, with
/// <c>random_sample</c>, <c>randint</c>-style bounded integers, <c>shuffle</c> and <c>permutation</c> following numpy's
/// legacy algorithms, so Keras's and scikit-learn's shuffles and splits come out in the same order.
/// </summary>
public sealed class NumpyRandomState
{
    private const int N = 624, M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _pos;

    /// <summary><c>check_random_state</c>: a generator seeded with <paramref name="seed"/>, or from the OS when null.</summary>
    internal static NumpyRandomState For(int? seed) => new(seed is { } s ? s : Random.Shared.NextInt64(0, uint.MaxValue));

    /// <summary>Seeds like <c>RandomState(seed)</c> for an integer seed in 0 .. 2**32-1.</summary>
    public NumpyRandomState(long seed)
    {
        if (seed is < 0 or > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(seed), $"Seed must be between 0 and 2**32 - 1. Received: seed={seed}");
        _mt[0] = (uint)seed;
        for (uint i = 1; i < N; i++) _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + i;
        _pos = N;
    }

    /// <summary>The next 32 random bits (numpy's <c>next_uint32</c>).</summary>
    public uint NextUInt32()
    {
        if (_pos >= N) Generate();
        uint y = _mt[_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

    /// <summary>A double in [0, 1) with 53 random bits (<c>random_sample</c>).</summary>
    public double RandomSample()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>A uniform integer in [0, max] by masked rejection (numpy's legacy <c>random_interval</c>).</summary>
    public ulong Interval(ulong max)
    {
        if (max == 0) return 0;
        ulong mask = max;
        for (int s = 1; s <= 32; s <<= 1) mask |= mask >> s;
        ulong v;
        if (max <= uint.MaxValue) while ((v = NextUInt32() & mask) > max) { }
        else while ((v = (((ulong)NextUInt32() << 32) | NextUInt32()) & mask) > max) { }
        return v;
    }

    /// <summary>Shuffles in place like <c>RandomState.shuffle</c> (Fisher–Yates from the end).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = (int)Interval((ulong)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>RandomState.permutation(n)</c>: a shuffled <c>arange(n)</c>.</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Shuffle(p);
        return p;
    }

    private void Generate()
    {
        for (int k = 0; k < N; k++)
        {
            uint y = (_mt[k] & 0x80000000u) | (_mt[(k + 1) % N] & 0x7fffffffu);
            _mt[k] = _mt[(k + M) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0u);
        }
        _pos = 0;
    }
}
