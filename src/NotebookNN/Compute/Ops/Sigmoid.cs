using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>1 / (1 + e⁻ˣ).</summary>
internal readonly struct SigmoidOp : IUnaryOp
{
    public static float Invoke(float x) => VectorMath.Sigmoid(x);
    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.Sigmoid(x);
    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.Sigmoid(x);
}

/// <summary>Gradient of sigmoid from (y, g): g·y·(1 − y).</summary>
internal readonly struct SigmoidGradOp : IBinaryOp
{
    public static float Invoke(float y, float g) => g * y * (1f - y);
    public static Vector256<float> Invoke(Vector256<float> y, Vector256<float> g) => g * y * (Vector256<float>.One - y);
    public static Vector512<float> Invoke(Vector512<float> y, Vector512<float> g) => g * y * (Vector512<float>.One - y);
}

/// <summary>Keras 3 hard sigmoid: clip(x/6 + 1/2, 0, 1) (= relu6(x + 3) / 6).</summary>
internal readonly struct HardSigmoidOp : IUnaryOp
{
    public static float Invoke(float x) => Math.Clamp(x / 6f + 0.5f, 0f, 1f);
    public static Vector256<float> Invoke(Vector256<float> x) =>
        Vector256.Min(Vector256.Max(x / Vector256.Create(6f) + Vector256.Create(0.5f), Vector256<float>.Zero), Vector256<float>.One);
    public static Vector512<float> Invoke(Vector512<float> x) =>
        Vector512.Min(Vector512.Max(x / Vector512.Create(6f) + Vector512.Create(0.5f), Vector512<float>.Zero), Vector512<float>.One);
}

/// <summary>Gradient of hard sigmoid from (x, g): g/6 inside (−3, 3), else 0.</summary>
internal readonly struct HardSigmoidGradOp : IBinaryOp
{
    public static float Invoke(float x, float g) => x > -3f && x < 3f ? g / 6f : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) =>
        Vector256.GreaterThan(x, Vector256.Create(-3f)) & Vector256.LessThan(x, Vector256.Create(3f)) & (g / Vector256.Create(6f));
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) =>
        Vector512.GreaterThan(x, Vector512.Create(-3f)) & Vector512.LessThan(x, Vector512.Create(3f)) & (g / Vector512.Create(6f));
}

/// <summary>Swish / SiLU: x·sigmoid(x).</summary>
internal readonly struct SwishOp : IUnaryOp
{
    public static float Invoke(float x) => x * VectorMath.Sigmoid(x);
    public static Vector256<float> Invoke(Vector256<float> x) => x * VectorMath.Sigmoid(x);
    public static Vector512<float> Invoke(Vector512<float> x) => x * VectorMath.Sigmoid(x);
}

/// <summary>Gradient of swish from (x, g): g·(s + x·s·(1 − s)), s = sigmoid(x).</summary>
internal readonly struct SwishGradOp : IBinaryOp
{
    public static float Invoke(float x, float g) { float s = VectorMath.Sigmoid(x); return g * (s + x * s * (1f - s)); }
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g)
    {
        var s = VectorMath.Sigmoid(x);
        return g * (s + x * s * (Vector256<float>.One - s));
    }
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g)
    {
        var s = VectorMath.Sigmoid(x);
        return g * (s + x * s * (Vector512<float>.One - s));
    }
}
