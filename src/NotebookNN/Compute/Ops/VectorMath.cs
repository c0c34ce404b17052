using System.Runtime.Intrinsics;

namespace NotebookNN.Compute.Ops;

/// <summary>
/// Functions .NET's vector types lack (log1p, tanh, erf), each in scalar, 256- and 512-bit form with the same
/// formula so every width of an op agrees.
/// </summary>
internal static class VectorMath
{
    // exp: Cody-Waite reduction x = n·ln2 + r, |r| ≤ ln2/2, Cephes expf polynomial for e^r (~1 ulp), then 2ⁿ
    // applied as two factors 2^(n/2)·2^(n−n/2) so results stay exact into the subnormal range and overflow to inf.
    // Several times faster than Exp(float), which evaluates in double.
    private const float Log2E = 1.44269504088896341f, Ln2Hi = 0.693359375f, Ln2Lo = -2.12194440e-4f;
    private const float E1 = 1.9875691500e-4f, E2 = 1.3981999507e-3f, E3 = 8.3334519073e-3f, E4 = 4.1665795894e-2f, E5 = 1.6666665459e-1f, E6 = 5.0000001201e-1f;
    public static float Exp(float x) => MathF.Exp(x);
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-104f)), Vector256.Create(89f));
        var n = Vector256.Round(x * Log2E);
        var r = x - n * Ln2Hi - n * Ln2Lo;
        var p = (((((E1 * r + Vector256.Create(E2)) * r + Vector256.Create(E3)) * r + Vector256.Create(E4)) * r + Vector256.Create(E5)) * r + Vector256.Create(E6)) * r * r + r + Vector256<float>.One;
        var ni = Vector256.ConvertToInt32(n);
        var half = Vector256.ShiftRightArithmetic(ni, 1);
        var s1 = Vector256.ShiftLeft(half + Vector256.Create(127), 23).AsSingle();
        var s2 = Vector256.ShiftLeft(ni - half + Vector256.Create(127), 23).AsSingle();
        return p * s1 * s2;
    }
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-104f)), Vector512.Create(89f));
        var n = Vector512.Round(x * Log2E);
        var r = x - n * Ln2Hi - n * Ln2Lo;
        var p = (((((E1 * r + Vector512.Create(E2)) * r + Vector512.Create(E3)) * r + Vector512.Create(E4)) * r + Vector512.Create(E5)) * r + Vector512.Create(E6)) * r * r + r + Vector512<float>.One;
        var ni = Vector512.ConvertToInt32(n);
        var half = Vector512.ShiftRightArithmetic(ni, 1);
        var s1 = Vector512.ShiftLeft(half + Vector512.Create(127), 23).AsSingle();
        var s2 = Vector512.ShiftLeft(ni - half + Vector512.Create(127), 23).AsSingle();
        return p * s1 * s2;
    }

    // log1p(t) = log(u)·t/(u−1) with u = 1+t corrects the rounding of 1+t (Goldberg's trick); u == 1 → t.
    public static float Log1p(float t) { float u = 1f + t; return u == 1f ? t : MathF.Log(u) * t / (u - 1f); }
    public static Vector256<float> Log1p(Vector256<float> t)
    {
        var u = Vector256<float>.One + t;
        return Vector256.ConditionalSelect(Vector256.Equals(u, Vector256<float>.One), t, Vector256.Log(u) * t / (u - Vector256<float>.One));
    }
    public static Vector512<float> Log1p(Vector512<float> t)
    {
        var u = Vector512<float>.One + t;
        return Vector512.ConditionalSelect(Vector512.Equals(u, Vector512<float>.One), t, Vector512.Log(u) * t / (u - Vector512<float>.One));
    }

    // tanh: odd minimax polynomial below |x| = 0.625 (Cephes tanhf coefficients), else 1 − 2/(e^{2|x|}+1) with x's sign.
    private const float T1 = -5.70498872745e-3f, T2 = 2.06390887954e-2f, T3 = -5.37397155531e-2f, T4 = 1.33314422036e-1f, T5 = -3.33332819422e-1f;
    public static float Tanh(float x) => MathF.Tanh(x);
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        var z = x * x;
        var poly = (((((T1 * z + Vector256.Create(T2)) * z + Vector256.Create(T3)) * z + Vector256.Create(T4)) * z + Vector256.Create(T5)) * z) * x + x;
        var ax = Vector256.Abs(x);
        var big = Vector256<float>.One - Vector256.Create(2f) / (Exp(ax + ax) + Vector256<float>.One);
        big = Vector256.CopySign(big, x);
        return Vector256.ConditionalSelect(Vector256.LessThan(ax, Vector256.Create(0.625f)), poly, big);
    }
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        var z = x * x;
        var poly = (((((T1 * z + Vector512.Create(T2)) * z + Vector512.Create(T3)) * z + Vector512.Create(T4)) * z + Vector512.Create(T5)) * z) * x + x;
        var ax = Vector512.Abs(x);
        var big = Vector512<float>.One - Vector512.Create(2f) / (Exp(ax + ax) + Vector512<float>.One);
        big = Vector512.CopySign(big, x);
        return Vector512.ConditionalSelect(Vector512.LessThan(ax, Vector512.Create(0.625f)), poly, big);
    }

    // erf: Abramowitz & Stegun 7.1.26, |error| ≤ 1.5e-7 (about float32's resolution near 1).
    private const float P = 0.3275911f, A1 = 0.254829592f, A2 = -0.284496736f, A3 = 1.421413741f, A4 = -1.453152027f, A5 = 1.061405429f;
    public static float Erf(float x)
    {
        float ax = MathF.Abs(x), t = 1f / (1f + P * ax);
        float y = 1f - ((((A5 * t + A4) * t + A3) * t + A2) * t + A1) * t * MathF.Exp(-ax * ax);
        return MathF.CopySign(y, x);
    }
    public static Vector256<float> Erf(Vector256<float> x)
    {
        var ax = Vector256.Abs(x);
        var t = Vector256<float>.One / (Vector256<float>.One + Vector256.Create(P) * ax);
        var poly = ((((A5 * t + Vector256.Create(A4)) * t + Vector256.Create(A3)) * t + Vector256.Create(A2)) * t + Vector256.Create(A1)) * t;
        return Vector256.CopySign(Vector256<float>.One - poly * Exp(-(ax * ax)), x);
    }
    public static Vector512<float> Erf(Vector512<float> x)
    {
        var ax = Vector512.Abs(x);
        var t = Vector512<float>.One / (Vector512<float>.One + Vector512.Create(P) * ax);
        var poly = ((((A5 * t + Vector512.Create(A4)) * t + Vector512.Create(A3)) * t + Vector512.Create(A2)) * t + Vector512.Create(A1)) * t;
        return Vector512.CopySign(Vector512<float>.One - poly * Exp(-(ax * ax)), x);
    }

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
    public static Vector256<float> Sigmoid(Vector256<float> x) => Vector256<float>.One / (Vector256<float>.One + Exp(-x));
    public static Vector512<float> Sigmoid(Vector512<float> x) => Vector512<float>.One / (Vector512<float>.One + Exp(-x));
}
