using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>tanh x.</summary>
internal readonly struct TanhOp : IUnaryOp
{
    public static float Invoke(float x) => VectorMath.Tanh(x);
    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.Tanh(x);
    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.Tanh(x);
}

/// <summary>Gradient of tanh from (y, g): g·(1 − y²).</summary>
internal readonly struct TanhGradOp : IBinaryOp
{
    public static float Invoke(float y, float g) => g * (1f - y * y);
    public static Vector256<float> Invoke(Vector256<float> y, Vector256<float> g) => g * (Vector256<float>.One - y * y);
    public static Vector512<float> Invoke(Vector512<float> y, Vector512<float> g) => g * (Vector512<float>.One - y * y);
}

/// <summary>Softsign: x / (|x| + 1).</summary>
internal readonly struct SoftsignOp : IUnaryOp
{
    public static float Invoke(float x) => x / (MathF.Abs(x) + 1f);
    public static Vector256<float> Invoke(Vector256<float> x) => x / (Vector256.Abs(x) + Vector256<float>.One);
    public static Vector512<float> Invoke(Vector512<float> x) => x / (Vector512.Abs(x) + Vector512<float>.One);
}

/// <summary>Gradient of softsign from (x, g): g / (|x| + 1)².</summary>
internal readonly struct SoftsignGradOp : IBinaryOp
{
    public static float Invoke(float x, float g) { float d = MathF.Abs(x) + 1f; return g / (d * d); }
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) { var d = Vector256.Abs(x) + Vector256<float>.One; return g / (d * d); }
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) { var d = Vector512.Abs(x) + Vector512<float>.One; return g / (d * d); }
}

/// <summary>Softplus: ln(1 + eˣ), computed stably as max(x, 0) + log1p(e^−|x|). Backward: g·sigmoid(x).</summary>
internal readonly struct SoftplusOp : IUnaryOp
{
    public static float Invoke(float x) => MathF.Max(x, 0f) + VectorMath.Log1p(MathF.Exp(-MathF.Abs(x)));
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero) + VectorMath.Log1p(VectorMath.Exp(-Vector256.Abs(x)));
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero) + VectorMath.Log1p(VectorMath.Exp(-Vector512.Abs(x)));
}

/// <summary>Gradient of softplus from (x, g): g·sigmoid(x).</summary>
internal readonly struct SoftplusGradOp : IBinaryOp
{
    public static float Invoke(float x, float g) => g * VectorMath.Sigmoid(x);
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => g * VectorMath.Sigmoid(x);
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => g * VectorMath.Sigmoid(x);
}
