namespace NotebookNN.Tests.Tensors;

/// <summary>
/// Tutorials write double literals (<c>x / 255.0</c>, <c>pred >= 0.5</c>, <c>x * 0.1</c>): every scalar a tensor op
/// takes accepts int, float and double literals alike, the scalar taken as float32 as numpy does for a Python float
/// and a float32 array. Each expected value is worked out per element in float32 here, independently of the op.
/// </summary>
public class ScalarLiteralTests
{
    private static readonly float[] Values = [0f, 12f, 127.5f, 200f, 255f];
    private static Tensor X() => Tensor.From(Values);

    private static void Expect(Func<float, float> f, Tensor actual) =>
        Assert.Equal(Values.Select(f).ToArray(), actual.ToArray());

    [Fact]
    public void ArithmeticTakesDoubleLiteralsOnEitherSide()
    {
        var x = X();
        Expect(v => v / 255f, x / 255.0);
        Expect(v => v / 255f, x / 255f);
        Expect(v => v / 255f, x / 255);
        Expect(v => v * (float)0.1, x * 0.1);
        Expect(v => (float)0.1 * v, 0.1 * x);
        Expect(v => v + (float)0.5, x + 0.5);
        Expect(v => (float)0.5 + v, 0.5 + x);
        Expect(v => v - 1.5f, x - 1.5);
        Expect(v => 1.5f - v, 1.5 - x);
        Expect(v => 2f / v, 2.0 / x);
        Expect(v => v - 3, x - 3);
        Expect(v => 3 * v, 3 * x);
    }

    [Fact]
    public void ComparisonsTakeDoubleLiteralsOnEitherSide()
    {
        var x = X() / 255.0;
        float Bool(bool b) => b ? 1f : 0f;
        float Scaled(float v) => v / 255f;
        Expect(v => Bool(Scaled(v) >= 0.5f), x >= 0.5);
        Expect(v => Bool(Scaled(v) > 0.5f), x > 0.5);
        Expect(v => Bool(Scaled(v) < 0.5f), x < 0.5);
        Expect(v => Bool(Scaled(v) <= 0.5f), x <= 0.5);
        Expect(v => Bool(0.5f >= Scaled(v)), 0.5 >= x);
        Expect(v => Bool(0.5f < Scaled(v)), 0.5 < x);
        Expect(v => Bool(v >= 200), X() >= 200);
        Expect(v => Bool(v == 12f), Tensor.Equal(X(), 12.0));
        Expect(v => Bool(v != 12f), Tensor.NotEqual(X(), 12));
    }

    [Fact]
    public void NamedOpsTakeDoubleAndIntLiterals()
    {
        var x = X();
        Expect(v => v >= 100f ? 1f : 0f, Tensor.Where(x >= 100.0, 1.0, 0.0));
        Expect(v => v >= 100f ? 1f : 0f, Tensor.Where(x >= 100, 1, 0));
        Expect(v => v >= 100f ? v : -1f, Tensor.Where(x >= 100, x, -1.0));
        Expect(v => v >= 100f ? 0.5f : v, Tensor.Where(x >= 100, 0.5, x));
        Expect(v => Math.Clamp(v, 10f, 200f), x.Clip(10.0, 200.0));
        Expect(v => Math.Clamp(v, 10f, 200f), Tensor.Clip(x, 10, 200));
        Expect(v => Math.Max(v, (float)127.5), x.Maximum(127.5));
        Expect(v => Math.Min(v, 100f), Tensor.Minimum(x, 100));
        Expect(v => v * v, x.Pow(2.0));
        Expect(v => v * v, x.Pow(2));
        Expect(v => MathF.Pow(v, (float)1.5), x.Pow(1.5));
        Expect(v => v < 100 ? (float)0.1 * (v - 100f) + 100f : v, (x - 100).LeakyRelu(0.1) + 100);
        Assert.Equal([2.5f, 2.5f], Tensor.Full([2], 2.5).ToArray());
        Assert.Equal([7f], Tensor.Full([1], 7).ToArray());
        Assert.Equal((float)0.1, Tensor.Scalar(0.1).Item());
    }

    [Fact]
    public void TheGradientOfAScaledTensorUsesTheFloat32Scalar()
    {
        var w = new Variable(Tensor.From([1f, 2f]));
        using var tape = new GradientTape();
        var y = (w * 0.1).Sum();
        var g = tape.Gradient(y, w);
        Assert.Equal([(float)0.1, (float)0.1], g!.ToArray());
    }
}
