using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

/// <summary>x + y; also the sum reduction.</summary>
internal readonly struct AddOp : IAggregateOp
{
    public static float Identity => 0f;
    public static float Invoke(float x, float y) => x + y;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => x + y;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => x + y;
    public static float Invoke(Vector256<float> x) => Vector256.Sum(x);
    public static float Invoke(Vector512<float> x) => Vector512.Sum(x);
}

/// <summary>x − y.</summary>
internal readonly struct SubOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x - y;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => x - y;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => x - y;
}

/// <summary>x · y.</summary>
internal readonly struct MulOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x * y;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => x * y;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => x * y;
}

/// <summary>x / y (IEEE: ±inf or NaN on division by zero, as numpy).</summary>
internal readonly struct DivOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x / y;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => x / y;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => x / y;
}

/// <summary>−x.</summary>
internal readonly struct NegOp : IUnaryOp
{
    public static float Invoke(float x) => -x;
    public static Vector256<float> Invoke(Vector256<float> x) => -x;
    public static Vector512<float> Invoke(Vector512<float> x) => -x;
}

/// <summary>Gradient of a / b with respect to b, from y = a / b and b: −y / b (times g outside).</summary>
internal readonly struct NegDivOp : IBinaryOp
{
    public static float Invoke(float y, float b) => -y / b;
    public static Vector256<float> Invoke(Vector256<float> y, Vector256<float> b) => -y / b;
    public static Vector512<float> Invoke(Vector512<float> y, Vector512<float> b) => -y / b;
}
