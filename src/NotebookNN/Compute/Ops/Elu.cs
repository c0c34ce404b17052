using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>ELU from (x, alpha): x where x &gt; 0, else alpha·(eˣ − 1).</summary>
internal readonly struct EluOp : IBinaryOp
{
    public static float Invoke(float x, float a) => x > 0f ? x : a * (MathF.Exp(x) - 1f);
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> a) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x, a * (VectorMath.Exp(x) - Vector256<float>.One));
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> a) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, a * (VectorMath.Exp(x) - Vector512<float>.One));
}

/// <summary>Derivative factor of ELU from (x, alpha): 1 where x &gt; 0, else alpha·eˣ (multiply by g).</summary>
internal readonly struct EluGradOp : IBinaryOp
{
    public static float Invoke(float x, float a) => x > 0f ? 1f : a * MathF.Exp(x);
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> a) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), Vector256<float>.One, a * VectorMath.Exp(x));
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> a) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), Vector512<float>.One, a * VectorMath.Exp(x));
}

/// <summary>SELU constants (Klambauer et al., as Keras).</summary>
internal static class Selu
{
    public const float Alpha = 1.6732632423543772848170429916717f;
    public const float Scale = 1.0507009873554804934193349852946f;
}

/// <summary>SELU: scale·elu(x, alpha) with the fixed constants; computed as scale · EluOp(x, alpha).</summary>
internal readonly struct SeluOp : IUnaryOp
{
    public static float Invoke(float x) => Selu.Scale * EluOp.Invoke(x, Selu.Alpha);
    public static Vector256<float> Invoke(Vector256<float> x) => Selu.Scale * EluOp.Invoke(x, Vector256.Create(Selu.Alpha));
    public static Vector512<float> Invoke(Vector512<float> x) => Selu.Scale * EluOp.Invoke(x, Vector512.Create(Selu.Alpha));
}

/// <summary>Gradient of SELU from (x, g).</summary>
internal readonly struct SeluGradOp : IBinaryOp
{
    public static float Invoke(float x, float g) => Selu.Scale * EluGradOp.Invoke(x, Selu.Alpha) * g;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => Selu.Scale * EluGradOp.Invoke(x, Vector256.Create(Selu.Alpha)) * g;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => Selu.Scale * EluGradOp.Invoke(x, Vector512.Create(Selu.Alpha)) * g;
}
