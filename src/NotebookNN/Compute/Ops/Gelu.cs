using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>Exact GELU: x·Φ(x) = ½x(1 + erf(x/√2)).</summary>
internal readonly struct GeluOp : IUnaryOp
{
    internal const float InvSqrt2 = 0.70710678118654752f, InvSqrt2Pi = 0.39894228040143268f;
    public static float Invoke(float x) => 0.5f * x * (1f + VectorMath.Erf(x * InvSqrt2));
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Create(0.5f) * x * (Vector256<float>.One + VectorMath.Erf(x * InvSqrt2));
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Create(0.5f) * x * (Vector512<float>.One + VectorMath.Erf(x * InvSqrt2));
}

/// <summary>Gradient of exact GELU from (x, g): g·(Φ(x) + x·φ(x)).</summary>
internal readonly struct GeluGradOp : IBinaryOp
{
    public static float Invoke(float x, float g) =>
        g * (0.5f * (1f + VectorMath.Erf(x * GeluOp.InvSqrt2)) + x * GeluOp.InvSqrt2Pi * MathF.Exp(-0.5f * x * x));
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) =>
        g * (Vector256.Create(0.5f) * (Vector256<float>.One + VectorMath.Erf(x * GeluOp.InvSqrt2)) + x * GeluOp.InvSqrt2Pi * VectorMath.Exp(Vector256.Create(-0.5f) * x * x));
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) =>
        g * (Vector512.Create(0.5f) * (Vector512<float>.One + VectorMath.Erf(x * GeluOp.InvSqrt2)) + x * GeluOp.InvSqrt2Pi * VectorMath.Exp(Vector512.Create(-0.5f) * x * x));
}

/// <summary>Tanh-approximated GELU: ½x(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
internal readonly struct GeluTanhOp : IUnaryOp
{
    internal const float C = 0.79788456080286536f, K = 0.044715f;
    public static float Invoke(float x) => 0.5f * x * (1f + VectorMath.Tanh(C * (x + K * x * x * x)));
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Create(0.5f) * x * (Vector256<float>.One + VectorMath.Tanh(C * (x + K * x * x * x)));
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Create(0.5f) * x * (Vector512<float>.One + VectorMath.Tanh(C * (x + K * x * x * x)));
}

/// <summary>Gradient of tanh GELU from (x, g): ½(1 + t) + ½x(1 − t²)·C(1 + 3Kx²), t = tanh(C(x + Kx³)).</summary>
internal readonly struct GeluTanhGradOp : IBinaryOp
{
    private const float C = GeluTanhOp.C, K3 = 3f * GeluTanhOp.K, K = GeluTanhOp.K;
    public static float Invoke(float x, float g)
    {
        float t = VectorMath.Tanh(C * (x + K * x * x * x));
        return g * (0.5f * (1f + t) + 0.5f * x * (1f - t * t) * C * (1f + K3 * x * x));
    }
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g)
    {
        var t = VectorMath.Tanh(C * (x + K * x * x * x));
        var half = Vector256.Create(0.5f);
        return g * (half * (Vector256<float>.One + t) + half * x * (Vector256<float>.One - t * t) * C * (Vector256<float>.One + K3 * x * x));
    }
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g)
    {
        var t = VectorMath.Tanh(C * (x + K * x * x * x));
        var half = Vector512.Create(0.5f);
        return g * (half * (Vector512<float>.One + t) + half * x * (Vector512<float>.One - t * t) * C * (Vector512<float>.One + K3 * x * x));
    }
}
