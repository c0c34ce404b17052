using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;

namespace NotebookNN.Compute.Ops;

// Comparisons give 1f where true and 0f where false; any comparison with NaN is false (NotEqual: true), as numpy.

internal readonly struct GreaterOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x > y ? 1f : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.GreaterThan(x, y) & Vector256<float>.One;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.GreaterThan(x, y) & Vector512<float>.One;
}

internal readonly struct GreaterEqualOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x >= y ? 1f : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.GreaterThanOrEqual(x, y) & Vector256<float>.One;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.GreaterThanOrEqual(x, y) & Vector512<float>.One;
}

internal readonly struct LessOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x < y ? 1f : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.LessThan(x, y) & Vector256<float>.One;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.LessThan(x, y) & Vector512<float>.One;
}

internal readonly struct LessEqualOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x <= y ? 1f : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.LessThanOrEqual(x, y) & Vector256<float>.One;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.LessThanOrEqual(x, y) & Vector512<float>.One;
}

internal readonly struct EqualOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x == y ? 1f : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.Equals(x, y) & Vector256<float>.One;
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.Equals(x, y) & Vector512<float>.One;
}

internal readonly struct NotEqualOp : IBinaryOp
{
    public static float Invoke(float x, float y) => x != y ? 1f : 0f;
    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256<float>.One - (Vector256.Equals(x, y) & Vector256<float>.One);
    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512<float>.One - (Vector512.Equals(x, y) & Vector512<float>.One);
}
