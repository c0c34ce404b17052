using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>exp(x − s) for a row shift s (softmax numerators, span∘scalar).</summary>
internal readonly struct ExpSubOp : IBinaryOp
{
    public static float Invoke(float x, float s) => MathF.Exp(x - s);
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> s) => VectorMath.Exp(x - s);
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> s) => VectorMath.Exp(x - s);
}

/// <summary>Sigmoid cross-entropy from (logits x, labels z), stable: max(x, 0) − x·z + log1p(e^−|x|).</summary>
internal readonly struct SigmoidCrossEntropyOp : IBinaryOp
{
    public static float Invoke(float x, float z) => MathF.Max(x, 0f) - x * z + VectorMath.Log1p(MathF.Exp(-MathF.Abs(x)));
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> z) =>
        Vector256.Max(x, Vector256<float>.Zero) - x * z + VectorMath.Log1p(VectorMath.Exp(-Vector256.Abs(x)));
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> z) =>
        Vector512.Max(x, Vector512<float>.Zero) - x * z + VectorMath.Log1p(VectorMath.Exp(-Vector512.Abs(x)));
}

/// <summary>d/dx of sigmoid cross-entropy from (x, z): sigmoid(x) − z (multiply by g).</summary>
internal readonly struct SigmoidCrossEntropyGradOp : IBinaryOp
{
    public static float Invoke(float x, float z) => VectorMath.Sigmoid(x) - z;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> z) => VectorMath.Sigmoid(x) - z;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> z) => VectorMath.Sigmoid(x) - z;
}
