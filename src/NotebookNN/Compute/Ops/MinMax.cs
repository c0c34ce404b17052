using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>max(x, y), NaN-propagating like numpy's <c>maximum</c>; also the max reduction (identity −inf).
/// Backward: g where a ≥ b to a, where a &lt; b to b (<see cref="GreaterEqualOp"/>/<see cref="LessOp"/> masks).</summary>
internal readonly struct MaxOp : IAggregateOp
{
    public static float Identity => float.NegativeInfinity;
    public static float Invoke(float x, float y) => MathF.Max(x, y);
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.Max(x, y);
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.Max(x, y);
    public static float Invoke(Vector256<float> x)
    {
        var h = Vector128.Max(x.GetLower(), x.GetUpper());
        return MathF.Max(MathF.Max(h[0], h[1]), MathF.Max(h[2], h[3]));
    }
    public static float Invoke(Vector512<float> x) => Invoke(Vector256.Max(x.GetLower(), x.GetUpper()));
}

/// <summary>min(x, y), NaN-propagating like numpy's <c>minimum</c>; also the min reduction (identity +inf).</summary>
internal readonly struct MinOp : IAggregateOp
{
    public static float Identity => float.PositiveInfinity;
    public static float Invoke(float x, float y) => MathF.Min(x, y);
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.Min(x, y);
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.Min(x, y);
    public static float Invoke(Vector256<float> x)
    {
        var h = Vector128.Min(x.GetLower(), x.GetUpper());
        return MathF.Min(MathF.Min(h[0], h[1]), MathF.Min(h[2], h[3]));
    }
    public static float Invoke(Vector512<float> x) => Invoke(Vector256.Min(x.GetLower(), x.GetUpper()));
}
