using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace NotebookNN.Randomness;

internal sealed partial class RandomGenerator
{
    /// <summary>Normals are made in blocks of this many pairs on the stack, so the transcendental math vectorizes.</summary>
    private const int NormalBlock = 256;

    /// <summary>Fills <paramref name="destination"/> with values uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public void FillUniform(Span<float> destination, float min = 0f, float max = 1f)
    {
        float range = max - min;
        lock (_lock)
            for (int i = 0; i < destination.Length; i++)
            {
                float v = min + range * UnitFloat(Next());
                destination[i] = v < max || max <= min ? v : MathF.BitDecrement(max); // float rounding could reach max
            }
    }

    /// <summary>Fills <paramref name="destination"/> with normal values (Box–Muller, vectorized in blocks).</summary>
    public void FillNormal(Span<float> destination, float mean = 0f, float stddev = 1f)
    {
        Span<float> radius = stackalloc float[NormalBlock], angle = stackalloc float[NormalBlock];
        Span<float> sin = stackalloc float[NormalBlock], cos = stackalloc float[NormalBlock];
        lock (_lock)
            for (int pos = 0; pos < destination.Length;)
            {
                int pairs = Math.Min(NormalBlock, (destination.Length - pos + 1) / 2);
                var r = radius[..pairs];
                var a = angle[..pairs];
                for (int i = 0; i < pairs; i++)
                {
                    ulong bits = Next();
                    r[i] = ((bits >> 40) + 1) * (1f / (1 << 24));                      // (0, 1]: log stays finite
                    a[i] = (float)((bits & 0xFFFFFF) * (2 * Math.PI / (1 << 24)));     // [0, 2π)
                }
                TensorPrimitives.Log(r, r);
                TensorPrimitives.Multiply(r, -2f * stddev * stddev, r);
                TensorPrimitives.Sqrt(r, r);                                           // stddev · √(−2 ln u)
                TensorPrimitives.Sin(a, sin[..pairs]);
                TensorPrimitives.Cos(a, cos[..pairs]);
                var first = destination.Slice(pos, pairs);
                TensorPrimitives.MultiplyAdd(r, cos[..pairs], mean, first);
                var second = destination.Slice(pos + pairs, Math.Min(pairs, destination.Length - pos - pairs));
                TensorPrimitives.MultiplyAdd(r[..second.Length], sin[..second.Length], mean, second);
                pos += pairs + second.Length;
            }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with normal values, re-drawing any that fall more than two standard
    /// deviations from the mean (Keras's <c>TruncatedNormal</c>).
    /// </summary>
    public void FillTruncatedNormal(Span<float> destination, float mean = 0f, float stddev = 1f)
    {
        FillNormal(destination, 0f, 1f);
        lock (_lock)
            for (int i = 0; i < destination.Length; i++)
            {
                float z = destination[i];
                while (!(MathF.Abs(z) <= 2f)) z = StandardNormal();
                destination[i] = mean + stddev * z;
            }
    }

    /// <summary>One standard normal value in float64 (Box–Muller); callers hold the lock.</summary>
    private float StandardNormal()
    {
        double u = ((Next() >> 11) + 1) * (1.0 / (1UL << 53));
        double v = (Next() >> 11) * (1.0 / (1UL << 53));
        return (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
    }
}
