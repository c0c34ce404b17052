using System.Security.Cryptography;

namespace NotebookNN.Randomness;

/// <summary>
/// The library's pseudo-random generator: xoshiro256** (Blackman and Vigna, 2018), a small, fast generator with
/// 256 bits of state and a period of 2^256 − 1, seeded through SplitMix64 as its authors recommend.
/// Every member locks the instance, so one generator can be shared by threads; bulk fills take the lock once.
/// </summary>
/// <remarks>
/// <see cref="Shared"/> is the process-wide stream (Keras's global seed); <see cref="Utils.SetRandomSeed"/> reseeds it,
/// and without a seed it starts from OS entropy. As in Keras 3, where each layer's <c>SeedGenerator</c> takes its seed
/// from the global one when the layer is constructed, every <see cref="Layers.Layer"/> (so every model) draws a seed
/// from <see cref="Current"/> at construction and keeps a generator of its own (<see cref="Layers.Layer.SeedGenerator"/>):
/// its initializers, Dropout masks and Fit's shuffling draw from it, so a seeded model trains the same whatever runs on
/// other threads. <see cref="Use"/> makes a generator <see cref="Current"/> on one thread for a while (a layer while it
/// builds, a model while it fits). Distribution fills live in RandomGenerator.Distributions.cs.
/// </remarks>
internal sealed partial class RandomGenerator
{
    private readonly Lock _lock = new();
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The process-wide generator.</summary>
    public static RandomGenerator Shared { get; } = new(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)));

    [ThreadStatic] private static RandomGenerator? t_current;

    /// <summary>The generator unseeded draws on this thread take from: the one <see cref="Use"/> set, else <see cref="Shared"/>.</summary>
    public static RandomGenerator Current => t_current ?? Shared;

    /// <summary>Makes <paramref name="generator"/> <see cref="Current"/> on this thread until the scope is disposed.</summary>
    public static Scope Use(RandomGenerator generator)
    {
        var previous = t_current;
        t_current = generator;
        return new Scope(previous);
    }

    /// <summary>Restores the generator that was <see cref="Current"/> before <see cref="Use"/>.</summary>
    public readonly struct Scope(RandomGenerator? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }

    /// <summary>A generator whose stream is fixed by <paramref name="seed"/>.</summary>
    public RandomGenerator(ulong seed) => Reseed(seed);

    /// <summary>Restarts the stream from <paramref name="seed"/>.</summary>
    public void Reseed(ulong seed)
    {
        lock (_lock)
        {
            _s0 = SplitMix64(ref seed); _s1 = SplitMix64(ref seed);
            _s2 = SplitMix64(ref seed); _s3 = SplitMix64(ref seed);
        }
    }

    /// <summary>64 uniformly random bits.</summary>
    public ulong NextUInt64() { lock (_lock) return Next(); }

    /// <summary>A float uniform in [0, 1) with 24 random bits.</summary>
    public float NextFloat() { lock (_lock) return UnitFloat(Next()); }

    /// <summary>A double uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() { lock (_lock) return (Next() >> 11) * (1.0 / (1UL << 53)); }

    /// <summary>An int uniform in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        lock (_lock) return Below((uint)maxExclusive);
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates), every order equally likely.</summary>
    public void Shuffle(Span<int> values)
    {
        lock (_lock)
            for (int i = values.Length - 1; i > 0; i--)
            {
                int j = Below((uint)(i + 1));
                (values[i], values[j]) = (values[j], values[i]);
            }
    }

    /// <summary>A random permutation of 0 .. n − 1 (numpy's <c>permutation(n)</c>).</summary>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var p = new int[n];
        Permutation(p);
        return p;
    }

    /// <summary>Fills <paramref name="into"/> with a random permutation of 0 .. length − 1 (the same one
    /// <see cref="Permutation(int)"/> would return).</summary>
    public void Permutation(Span<int> into)
    {
        for (int i = 0; i < into.Length; i++) into[i] = i;
        Shuffle(into);
    }

    /// <summary>The xoshiro256** step; callers hold the lock.</summary>
    private ulong Next()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Lemire's multiply-shift with rejection: uniform in [0, n); callers hold the lock.</summary>
    private int Below(uint n)
    {
        ulong m = (Next() >> 32) * n;
        if ((uint)m < n)
        {
            uint threshold = (uint)(-(int)n) % n;
            while ((uint)m < threshold) m = (Next() >> 32) * n;
        }
        return (int)(m >> 32);
    }

    private static float UnitFloat(ulong bits) => (bits >> 40) * (1f / (1 << 24));

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
