using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>eˣ. Backward: g·y (<see cref="MulOp"/>).</summary>
internal readonly struct ExpOp : IUnaryOp
{
    public static float Invoke(float x) => MathF.Exp(x);
    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.Exp(x);
    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.Exp(x);
}

/// <summary>ln x (−inf at 0, NaN below). Backward: g / x (<see cref="DivOp"/>).</summary>
internal readonly struct LogOp : IUnaryOp
{
    public static float Invoke(float x) => MathF.Log(x);
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Log(x);
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Log(x);
}

/// <summary>√x.</summary>
internal readonly struct SqrtOp : IUnaryOp
{
    public static float Invoke(float x) => MathF.Sqrt(x);
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Sqrt(x);
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Sqrt(x);
}

/// <summary>Gradient of √x from (y, g): g / (2y).</summary>
internal readonly struct SqrtGradOp : IBinaryOp
{
    public static float Invoke(float y, float g) => 0.5f * g / y;
    public static Vector256<float> Invoke(Vector256<float> y, Vector256<float> g) => Vector256.Create(0.5f) * g / y;
    public static Vector512<float> Invoke(Vector512<float> y, Vector512<float> g) => Vector512.Create(0.5f) * g / y;
}

/// <summary>x².</summary>
internal readonly struct SquareOp : IUnaryOp
{
    public static float Invoke(float x) => x * x;
    public static Vector256<float> Invoke(Vector256<float> x) => x * x;
    public static Vector512<float> Invoke(Vector512<float> x) => x * x;
}

/// <summary>Gradient of x² from (x, g): 2xg.</summary>
internal readonly struct SquareGradOp : IBinaryOp
{
    public static float Invoke(float x, float g) => 2f * x * g;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => (x + x) * g;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => (x + x) * g;
}

/// <summary>|x|.</summary>
internal readonly struct AbsOp : IUnaryOp
{
    public static float Invoke(float x) => MathF.Abs(x);
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Abs(x);
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Abs(x);
}

/// <summary>Gradient of |x| from (x, g): sign(x)·g, zero at 0.</summary>
internal readonly struct AbsGradOp : IBinaryOp
{
    public static float Invoke(float x, float g) => x > 0f ? g : x < 0f ? -g : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) =>
        (Vector256.GreaterThan(x, Vector256<float>.Zero) & g) | (Vector256.LessThan(x, Vector256<float>.Zero) & -g);
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) =>
        (Vector512.GreaterThan(x, Vector512<float>.Zero) & g) | (Vector512.LessThan(x, Vector512<float>.Zero) & -g);
}

/// <summary>xᵖ with C's pow rules (negative base with a whole exponent works; otherwise NaN), scalar only.</summary>
internal readonly struct PowOp : IBinaryOp
{
    public static bool Vectorizable => false;
    public static float Invoke(float x, float p) => MathF.Pow(x, p);
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> p) => throw new NotSupportedException();
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> p) => throw new NotSupportedException();
}

/// <summary>d(xᵖ)/dx from (x, p): p·xᵖ⁻¹ (0 when p is 0).</summary>
internal readonly struct PowGradBaseOp : IBinaryOp
{
    public static bool Vectorizable => false;
    public static float Invoke(float x, float p) => p == 0f ? 0f : p * MathF.Pow(x, p - 1f);
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> p) => throw new NotSupportedException();
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> p) => throw new NotSupportedException();
}

/// <summary>d(xᵖ)/dp from (x, y = xᵖ): y·ln x where x &gt; 0, else 0 (TensorFlow's convention).</summary>
internal readonly struct PowGradExponentOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x > 0f ? y * MathF.Log(x) : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) =>
        Vector256.GreaterThan(x, Vector256<float>.Zero) & (y * Vector256.Log(x));
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) =>
        Vector512.GreaterThan(x, Vector512<float>.Zero) & (y * Vector512.Log(x));
}

/// <summary>Round half to even (numpy's <c>rint</c>): 0.5 → 0, 1.5 → 2, −2.5 → −2.</summary>
internal readonly struct RoundOp : IUnaryOp
{
    public static float Invoke(float x) => MathF.Round(x, MidpointRounding.ToEven);
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Round(x);
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Round(x);
}
