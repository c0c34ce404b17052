using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookNN.Compute.Ops;

/// <summary>1/d for an update rule that divides by a per-element value (Adam's <c>√v + ε</c>).</summary>
internal static class FastReciprocal
{
    /// <summary>
    /// 1/d to within an ulp or two: on AVX-512, the 14-bit hardware estimate refined by one Newton step (a 512-bit
    /// division costs about as much as the square root before it; this is two FMAs after a cheap estimate); elsewhere
    /// the division. d = +inf gives 0, as the division does (not inf·0 = NaN).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Of(Vector512<float> d)
    {
        if (!Avx512F.IsSupported) return Vector512<float>.One / d;
        var r = Avx512F.Reciprocal14(d);
        var e = Avx512F.FusedMultiplyAddNegated(d, r, Vector512<float>.One); // 1 - d·r
        var refined = Avx512F.FusedMultiplyAdd(r, e, r);
        return Vector512.ConditionalSelect(Vector512.Equals(d, Vector512.Create(float.PositiveInfinity)), Vector512<float>.Zero, refined);
    }

    /// <summary>1/d on 8 floats (the division: AVX2's 12-bit estimate would need a Newton step to match it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Of(Vector256<float> d) => Vector256<float>.One / d;
}
