using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Layers.Pooling;

/// <summary>MaxPooling2D and AveragePooling2D, forward and backward, against a float64 reference and finite differences.</summary>
public class Pooling2DTests
{
    /// <summary>Distinct float32 values in [-1, 1) (a shuffled ramp) so a window's maximum is unique; with
    /// <paramref name="gap"/> 0.05 a finite-difference step of 0.01 never changes which cell it is.</summary>
    private static double[] Distinct(int n, int seed, double? gap = null)
    {
        var rng = new Random(seed);
        double step = gap ?? 2.0 / n;
        var values = Enumerable.Range(0, n).Select(i => (double)(float)((i - n / 2) * step)).ToArray();
        rng.Shuffle(values);
        return values;
    }

    private static Tensor ToTensor(double[] values, int[] dims) => Tensor.From([.. values.Select(v => (float)v)], new Shape(dims));

    private static Pooling2D Layer(bool max, Size2D pool, Size2D? strides, string padding) =>
        max ? new MaxPooling2D(pool, strides, padding) : new AveragePooling2D(pool, strides, padding);

    public static TheoryData<bool, int, int, int, int, int, int, int, int, string> Cases()
    {
        var data = new TheoryData<bool, int, int, int, int, int, int, int, int, string>();
        foreach (bool max in new[] { true, false })
            foreach (var padding in new[] { "valid", "same" })
            {
                // batch, height, width, channels, pool h/w, stride h/w: overlapping, disjoint, gaps, 1×1, odd sizes
                data.Add(max, 1, 7, 5, 3, 2, 2, 2, 2, padding);
                data.Add(max, 3, 7, 9, 19, 3, 3, 2, 2, padding);
                data.Add(max, 3, 6, 7, 8, 3, 2, 1, 3, padding);
                data.Add(max, 1, 9, 8, 35, 2, 3, 3, 4, padding);
                data.Add(max, 3, 5, 5, 1, 1, 1, 2, 1, padding);
                data.Add(max, 32, 28, 28, 32, 2, 2, 2, 2, padding);
                data.Add(max, 32, 13, 11, 9, 3, 3, 2, 2, padding);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackwardMatchTheFloat64Reference(bool max, int b, int h, int w, int c, int ph, int pw, int sh, int sw, string padding)
    {
        int[] dims = [b, h, w, c];
        var xs = Distinct(b * h * w * c, seed: h * 31 + w);
        var x = ToTensor(xs, dims);
        var layer = Layer(max, (ph, pw), (sh, sw), padding);
        var (yRef, outDims, _) = PoolingReference.Pool(xs, dims, ph, pw, sh, sw, padding == "same", max);
        var rng = new Random(5);
        var dyValues = Enumerable.Range(0, yRef.Length).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var (_, _, dxRef) = PoolingReference.Pool(xs, dims, ph, pw, sh, sw, padding == "same", max, dyValues);

        Tensor y;
        Tensor? dx;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            y = layer.Call(x);
            dx = tape.Gradient(y, [x], ToTensor(dyValues, outDims))[0];
        }
        Assert.Equal(new Shape(outDims), y.Shape);
        Assert.Equal(new Shape(outDims[1..]), layer.ComputeOutputShape(new Shape(h, w, c)));
        AssertClose(yRef, y.ToArray(), max ? 0 : 1e-6);
        AssertClose(dxRef, dx!.ToArray(), 1e-5);
    }

    private static void AssertClose(double[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i] == actual[i] || Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"element {i}: expected {expected[i]}, got {actual[i]}");
    }

    [Theory]
    [InlineData(true, "valid", 2, 2)]
    [InlineData(true, "same", 3, 2)]
    [InlineData(false, "valid", 3, 1)]
    [InlineData(false, "same", 3, 2)]
    [InlineData(false, "same", 2, 3)]
    public void GradientMatchesFiniteDifferences(bool max, string padding, int pool, int stride)
    {
        int[] dims = [3, 5, 6, 2];
        var x = ToTensor(Distinct(3 * 5 * 6 * 2, seed: pool * 7 + stride, gap: 0.05), dims);
        var layer = Layer(max, pool, stride, padding);
        GradCheck.Check(t => layer.Call(t[0]), [x], step: 1e-2, tolerance: 1e-3);
    }

    [Fact]
    public void TiesSendTheGradientToTheFirstMaximumInRowMajorWindowOrder()
    {
        // one window of zeros (as after a relu): TensorFlow's max-pool gradient goes to one cell, the first
        var x = Tensor.Zeros(new Shape(1, 2, 2, 9));
        Tensor? dx;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            dx = tape.Gradient(new MaxPooling2D(2).Call(x), x);
        }
        var g = dx!.ToArray();
        for (int k = 0; k < 9; k++)
        {
            Assert.Equal(1f, g[k]);
            Assert.Equal(0f, g[9 + k] + g[18 + k] + g[27 + k]);
        }
    }

    [Theory]
    [InlineData(2, 2, 2, 2, "valid")]
    [InlineData(3, 3, 2, 2, "same")]
    [InlineData(3, 2, 1, 1, "same")]
    [InlineData(2, 3, 3, 2, "valid")]
    public void TiesAndInfinitiesFollowTheFirstMaximumInEveryChannelPath(int ph, int pw, int sh, int sw, string padding)
    {
        // 59 channels: the 32-, 16- and 8-wide and the scalar paths; values in {-inf, 0, 1} so most windows tie
        int[] dims = [3, 7, 6, 59];
        var rng = new Random(ph * 10 + sw);
        var xs = Enumerable.Range(0, 3 * 7 * 6 * 59).Select(_ => rng.Next(4) switch { 0 => double.NegativeInfinity, 1 => 1.0, _ => 0.0 }).ToArray();
        var (yRef, outDims, _) = PoolingReference.Pool(xs, dims, ph, pw, sh, sw, padding == "same", max: true);
        var dyValues = Enumerable.Range(0, yRef.Length).Select(_ => rng.NextDouble() + 0.5).ToArray();
        var (_, _, dxRef) = PoolingReference.Pool(xs, dims, ph, pw, sh, sw, padding == "same", max: true, dyValues);
        var x = ToTensor(xs, dims);
        Tensor y;
        Tensor? dx;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            y = new MaxPooling2D((ph, pw), (sh, sw), padding).Call(x);
            dx = tape.Gradient(y, [x], ToTensor(dyValues, outDims))[0];
        }
        AssertClose(yRef, y.ToArray(), 0);
        AssertClose(dxRef, dx!.ToArray(), 1e-6);
    }

    [Fact]
    public void AWindowHoldingANaNPoolsToNaNAndPassesNoGradient()
    {
        // 59 channels (the 32-, 16- and 8-wide and the scalar paths); channel k of window 0 has a NaN in cell k % 4
        var values = new float[1 * 2 * 4 * 59];
        for (int i = 0; i < values.Length; i++) values[i] = i % 7;
        for (int k = 0; k < 59; k++) values[((k % 4 / 2) * 4 + k % 2) * 59 + k] = float.NaN;
        var x = Tensor.From(values, new Shape(1, 2, 4, 59));
        Tensor y;
        Tensor? dx;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            y = new MaxPooling2D(2).Call(x);
            dx = tape.Gradient(y, x);
        }
        var yv = y.ToArray();
        var g = dx!.ToArray();
        for (int k = 0; k < 59; k++)
        {
            Assert.True(float.IsNaN(yv[k]), $"channel {k}: {yv[k]}");
            foreach (int cell in new[] { 0, 1, 4, 5 }) Assert.Equal(0f, g[cell * 59 + k]);
            Assert.False(float.IsNaN(yv[59 + k]));
            Assert.Equal(1f, new[] { 2, 3, 6, 7 }.Sum(cell => g[cell * 59 + k]));
        }
    }

    [Fact]
    public void DefaultsAreKeras()
    {
        var pool = new MaxPooling2D();
        Assert.Equal(new Size2D(2, 2), pool.PoolSize);
        Assert.Equal(new Size2D(2, 2), pool.Strides);
        Assert.Equal("valid", pool.Padding);
        Assert.Equal(new Size2D(3, 3), new AveragePooling2D(3).Strides);
        Assert.Equal(new Size2D(1, 2), new MaxPooling2D((3, 2), strides: (1, 2)).Strides);
        Assert.Equal("same", new MaxPooling2D(padding: "SAME").Padding);
    }

    [Fact]
    public void BadArgumentsAndInputsGetKerasMessages()
    {
        var e = Assert.Throws<ArgumentException>(() => new MaxPooling2D(0));
        Assert.Equal("The `pool_size` argument must be a tuple of 2 integers. Received pool_size=(0, 0), including values {0} that do not satisfy `value > 0`", e.Message);
        e = Assert.Throws<ArgumentException>(() => new AveragePooling2D(2, strides: (1, -1)));
        Assert.Contains("Received strides=(1, -1), including values {-1}", e.Message);
        e = Assert.Throws<ArgumentException>(() => new MaxPooling2D(padding: "full"));
        Assert.Equal("The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: full", e.Message);
        e = Assert.Throws<ArgumentException>(() => new AveragePooling2D(padding: "vald"));
        Assert.Equal("The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: vald. Did you mean 'valid'?", e.Message);
        Assert.Throws<NotSupportedException>(() => new MaxPooling2D(dataFormat: "channels_first"));

        e = Assert.Throws<ArgumentException>(() => new MaxPooling2D(2, name: "pool").Invoke(Tensor.Zeros(new Shape(4, 28, 28))));
        Assert.Equal("Input 0 of layer \"pool\" is incompatible with the layer: expected ndim=4, found ndim=3. Full shape received: (None, 28, 28)", e.Message);
        e = Assert.Throws<ArgumentException>(() => new MaxPooling2D(3, name: "pool").Invoke(Tensor.Zeros(new Shape(1, 2, 5, 1))));
        Assert.Equal("Computed output size would be negative. Received: `inputs.shape=(None, 2, 5, 1)` and `pool_size=(3, 3)`.", e.Message);
    }
}
