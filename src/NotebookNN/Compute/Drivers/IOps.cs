using System.Runtime.Intrinsics;

namespace NotebookNN.Compute.Drivers;

/// <summary>An elementwise function y = f(x), given once per width; the drivers pick the widest accelerated one.</summary>
internal interface IUnaryOp
{
    /// <summary>False when only the scalar form is real (the drivers then run it element by element).</summary>
    static virtual bool Vectorizable => true;
    static abstract float Invoke(float x);
    static abstract Vector256<float> Invoke(Vector256<float> x);
    static abstract Vector512<float> Invoke(Vector512<float> x);
}

/// <summary>An elementwise function z = f(x, y).</summary>
internal interface IBinaryOp
{
    /// <summary>False when only the scalar form is real (the drivers then run it element by element).</summary>
    static virtual bool Vectorizable => true;
    static abstract float Invoke(float x, float y);
    static abstract Vector256<float> Invoke(Vector256<float> x, Vector256<float> y);
    static abstract Vector512<float> Invoke(Vector512<float> x, Vector512<float> y);
}

/// <summary>An associative combining op for reductions (sum, max, min): a binary op with an identity and a
/// horizontal fold of one vector.</summary>
internal interface IAggregateOp : IBinaryOp
{
    static abstract float Identity { get; }
    static abstract float Invoke(Vector256<float> x);
    static abstract float Invoke(Vector512<float> x);
}

/// <summary>Pass-through transform, for plain reductions (<c>ReduceDriver.Aggregate&lt;IdentityOp, AddOp&gt;</c>).</summary>
internal readonly struct IdentityOp : IUnaryOp
{
    public static float Invoke(float x) => x;
    public static Vector256<float> Invoke(Vector256<float> x) => x;
    public static Vector512<float> Invoke(Vector512<float> x) => x;
}

/// <summary>
/// One optimizer's element-wise update rule, run by <see cref="UpdateDriver"/>: updates a variable element (or a
/// vector of them) in place from its gradient and up to three slot values. Unused slots are passed as zeros and
/// their results discarded. Scalars (learning rate, betas) are fields of the implementing struct.
/// </summary>
internal interface IUpdateOp
{
    void Invoke(ref float v, float g, ref float s0, ref float s1, ref float s2);
    void Invoke(ref Vector512<float> v, Vector512<float> g, ref Vector512<float> s0, ref Vector512<float> s1, ref Vector512<float> s2);
    /// <summary>The same rule on 8 floats, for machines without AVX-512 (where .NET runs Vector512 in software, ~10×
    /// slower through these ref parameters).</summary>
    void Invoke(ref Vector256<float> v, Vector256<float> g, ref Vector256<float> s0, ref Vector256<float> s1, ref Vector256<float> s2);
}
