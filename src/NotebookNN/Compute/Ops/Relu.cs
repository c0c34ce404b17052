using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>max(x, 0) (NaN stays NaN).</summary>
internal readonly struct ReluOp : IUnaryOp
{
    public static float Invoke(float x) => MathF.Max(x, 0f);
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero);
}

/// <summary>Gradient of relu from (x, g): g where x &gt; 0, else 0 (0 at the kink, as TensorFlow).</summary>
internal readonly struct ReluGradOp : IBinaryOp
{
    public static float Invoke(float x, float g) => x > 0f ? g : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => Vector256.GreaterThan(x, Vector256<float>.Zero) & g;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => Vector512.GreaterThan(x, Vector512<float>.Zero) & g;
}

/// <summary>Leaky relu from (x, slope): x where x ≥ 0, else slope·x.</summary>
internal readonly struct LeakyReluOp : IBinaryOp
{
    public static float Invoke(float x, float s) => x >= 0f ? x : s * x;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> s) => Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), s * x, x);
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> s) => Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), s * x, x);
}

/// <summary>Derivative factor of leaky relu from (x, slope): 1 where x &gt; 0, else slope (multiply by g).</summary>
internal readonly struct LeakyReluGradOp : IBinaryOp
{
    public static float Invoke(float x, float s) => x > 0f ? 1f : s;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> s) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), Vector256<float>.One, s);
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> s) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), Vector512<float>.One, s);
}
