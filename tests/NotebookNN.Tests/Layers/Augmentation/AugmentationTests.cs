using NotebookNN.Layers;

namespace NotebookNN.Tests.Layers.Augmentation;

/// <summary>RandomFlip, RandomRotation, RandomZoom and Rescaling: exact flips, rotation and zoom against a float64
/// bilinear reference for every fill mode, repeatability under a seed, identity in inference.</summary>
public class AugmentationTests
{
    private static Tensor Images(int b, int h, int w, int c, int seed) =>
        Tensor.From([.. Enumerable.Range(0, b * h * w * c).Select(i => (float)new Random(seed + i).NextDouble())], new Shape(b, h, w, c));

    private static float At(float[] v, int h, int w, int c, int b, int r, int q, int k) => v[((b * h + r) * w + q) * c + k];

    [Theory]
    [InlineData("horizontal")]
    [InlineData("vertical")]
    [InlineData("horizontal_and_vertical")]
    public void EachImageIsItselfOrItsExactFlip(string mode)
    {
        const int B = 32, H = 5, W = 4, C = 3;
        var x = Images(B, H, W, C, 1);
        var y = new RandomFlip(mode, seed: 3).Call(x, training: true).ToArray();
        var v = x.ToArray();
        int flipped = 0;
        for (int b = 0; b < B; b++)
        {
            bool same = true, flip = true;
            for (int r = 0; r < H; r++)
                for (int q = 0; q < W; q++)
                    for (int k = 0; k < C; k++)
                    {
                        int fr = mode == "horizontal" ? r : H - 1 - r, fq = mode == "vertical" ? q : W - 1 - q;
                        float o = At(y, H, W, C, b, r, q, k);
                        same &= o == At(v, H, W, C, b, r, q, k);
                        flip &= o == At(v, H, W, C, b, fr, fq, k);
                    }
            Assert.True(same || flip, $"image {b} is neither the input nor its {mode} flip");
            if (flip) flipped++;
        }
        Assert.InRange(flipped, 6, 26); // about half of 32
    }

    public static TheoryData<string> Layers => ["flip", "rotation", "zoom"];

    private static Layer Make(string kind, int? seed) => kind switch
    {
        "flip" => new RandomFlip(seed: seed),
        "rotation" => new RandomRotation(0.2, seed: seed),
        _ => new RandomZoom(0.3, seed: seed),
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void RepeatableUnderASeedAndUnderTheGlobalSeedIdentityInInference(string kind)
    {
        var x = Images(8, 6, 7, 2, 5);
        var seeded = Make(kind, 42);
        var a = seeded.Call(x, training: true).ToArray();
        var b = seeded.Call(x, training: true).ToArray();
        Assert.NotEqual(a, b); // the stream moves on from call to call
        var again = Make(kind, 42);
        Assert.Equal(a, again.Call(x, training: true).ToArray());
        Assert.Equal(b, again.Call(x, training: true).ToArray());

        Utils.SetRandomSeed(7);
        var first = Make(kind, null).Call(x, training: true).ToArray();
        Utils.SetRandomSeed(7);
        Assert.Equal(first, Make(kind, null).Call(x, training: true).ToArray());

        Assert.Equal(x.ToArray(), seeded.Call(x).ToArray());
        Assert.Equal(x.ToArray(), seeded.Call(x, training: false).ToArray());
    }

    /// <summary>TensorFlow's fill rule for one coordinate, written out for the test.</summary>
    private static double Fold(double c, int n, string mode)
    {
        if (mode == "constant") return c;
        if (mode == "nearest" || n == 1) return Math.Clamp(c, 0, n - 1);
        if (mode == "wrap")
        {
            // TensorFlow shifts by whole periods of n counted in steps of n − 1, then clamps
            // (so a point between the last pixel and the first's copy reads the last one)
            if (c < 0) c += n * ((int)(-c / (n - 1)) + 1);
            else if (c > n - 1) c -= n * (int)(c / (n - 1));
            return Math.Clamp(c, 0, n - 1);
        }
        // reflect: the image mirrored about its outer edge, period 2n
        double m = c % (2.0 * n);
        if (m < 0) m += 2.0 * n;
        if (m > n - 1 && m < n) return n - 1; // between the last pixel and its mirror
        return Math.Clamp(m >= n ? 2.0 * n - 1 - m : m, 0, n - 1);
    }

    /// <summary>Bilinear resampling of one image in float64: output (row, col) reads input point (sx, sy) = source(col, row).</summary>
    private static double[] Resample(float[] v, int b, int h, int w, int c, Func<double, double, (double X, double Y)> source, string mode, double fill)
    {
        var result = new double[h * w * c];
        double Read(int r, int q, int k) => r < 0 || r >= h || q < 0 || q >= w ? fill : At(v, h, w, c, b, r, q, k);
        for (int r = 0; r < h; r++)
            for (int q = 0; q < w; q++)
            {
                var (sx, sy) = source(q, r);
                sx = Fold(sx, w, mode);
                sy = Fold(sy, h, mode);
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                double fx = sx - x0, fy = sy - y0;
                for (int k = 0; k < c; k++)
                    result[(r * w + q) * c + k] =
                        (1 - fy) * ((1 - fx) * Read(y0, x0, k) + fx * Read(y0, x0 + 1, k)) +
                        fy * ((1 - fx) * Read(y0 + 1, x0, k) + fx * Read(y0 + 1, x0 + 1, k));
            }
        return result;
    }

    private static void Close(double[] expected, float[] actual, int offset)
    {
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[offset + i]) < 1e-5, $"element {i}: expected {expected[i]}, got {actual[offset + i]}");
    }

    [Theory]
    [InlineData("reflect", 0.125, 7, 6)]
    [InlineData("constant", 0.1, 5, 9)]
    [InlineData("nearest", -0.3, 6, 6)]
    [InlineData("wrap", 0.2, 9, 5)]
    [InlineData("reflect", 0.45, 8, 11)]
    public void RotationMatchesAFloat64BilinearReference(string fill, double turn, int h, int w)
    {
        var x = Images(3, h, w, 2, 11);
        var y = new RandomRotation((turn, turn), fillMode: fill, fillValue: 0.5, seed: 1).Call(x, training: true).ToArray();
        double a = turn * 2 * Math.PI, cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        for (int b = 0; b < 3; b++)
            Close(Resample(x.ToArray(), b, h, w, 2,
                (q, r) => (Math.Cos(a) * (q - cx) - Math.Sin(a) * (r - cy) + cx, Math.Sin(a) * (q - cx) + Math.Cos(a) * (r - cy) + cy),
                fill, 0.5), y, b * h * w * 2);
    }

    [Fact]
    public void AQuarterTurnOfASquareImageMovesPixelsExactly()
    {
        var x = Images(1, 5, 5, 1, 2);
        var y = new RandomRotation((0.25, 0.25), interpolation: "nearest").Call(x, training: true).ToArray();
        var v = x.ToArray();
        for (int r = 0; r < 5; r++)
            for (int q = 0; q < 5; q++)
                Assert.Equal(v[q * 5 + (4 - r)], y[r * 5 + q]); // output (r, c) reads input (row c, column 4 − r)
    }

    [Theory]
    [InlineData("reflect", 0.4, null, 7, 6)]
    [InlineData("constant", -0.3, null, 6, 8)]
    [InlineData("nearest", 0.5, -0.2, 9, 7)]
    [InlineData("wrap", 0.25, 0.6, 5, 5)]
    public void ZoomMatchesAFloat64BilinearReference(string fill, double height, double? width, int h, int w)
    {
        var x = Images(2, h, w, 3, 4);
        var layer = new RandomZoom((height, height), width is { } wf ? (wf, wf) : null, fillMode: fill, fillValue: -1, seed: 2);
        var y = layer.Call(x, training: true).ToArray();
        double zy = 1 + height, zx = 1 + (width ?? height), cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
        for (int b = 0; b < 2; b++)
            Close(Resample(x.ToArray(), b, h, w, 3, (q, r) => (zx * (q - cx) + cx, zy * (r - cy) + cy), fill, -1), y, b * h * w * 3);
    }

    [Fact]
    public void DrawnAnglesAndZoomsStayInTheirRanges()
    {
        // a constant image with a bright center pixel: the rotation never moves the center, the zoom keeps it too
        var x = Tensor.Zeros(new Shape(16, 9, 9, 1));
        var v = x.ToArray();
        for (int b = 0; b < 16; b++) v[b * 81 + 40] = 1;
        x = Tensor.From(v, x.Shape);
        var rotated = new RandomRotation(0.5, seed: 3).Call(x, training: true).ToArray();
        var zoomed = new RandomZoom((-0.5, 0.5), seed: 3).Call(x, training: true).ToArray();
        for (int b = 0; b < 16; b++)
        {
            Assert.Equal(1f, rotated[b * 81 + 40], 5);
            Assert.Equal(1f, zoomed[b * 81 + 40], 5);
        }
    }

    [Fact]
    public void FillModeIsParsedOnceAsTheRegistryReadsKerasStrings()
    {
        var x = Images(2, 7, 6, 1, 4);
        var exact = new RandomRotation((0.2, 0.2), fillMode: "wrap", seed: 1);
        var spelled = new RandomRotation((0.2, 0.2), fillMode: " Wrap", seed: 1); // case and surrounding spaces ignored, as every Keras string
        var reflect = new RandomRotation((0.2, 0.2), fillMode: "reflect", seed: 1);
        Assert.Equal("wrap", spelled.FillMode); // saved as Keras spells it
        Assert.Equal("wrap", spelled.GetConfig()["fill_mode"]);
        var y = exact.Call(x, training: true).ToArray();
        Assert.Equal(y, spelled.Call(x, training: true).ToArray());
        Assert.NotEqual(y, reflect.Call(x, training: true).ToArray());
        Assert.Equal("fillMode", Assert.Throws<ArgumentNullException>(() => new RandomZoom(0.1, fillMode: null!)).ParamName);
    }

    [Fact]
    public void BadArgumentsGetKerasMessages()
    {
        Assert.Equal("RandomFlip layer flip received an unknown mode argument diagonal",
            Assert.Throws<ArgumentException>(() => new RandomFlip("diagonal", name: "flip")).Message);
        Assert.Equal("Unknown `fill_mode` mirror. Expected of one ('reflect', 'wrap', 'constant', 'nearest').",
            Assert.Throws<ArgumentException>(() => new RandomRotation(0.1, fillMode: "mirror")).Message);
        Assert.Contains("Unknown `interpolation` bicubic", Assert.Throws<ArgumentException>(() => new RandomZoom(0.1, interpolation: "bicubic")).Message);
        Assert.Equal("`height_factor` argument must have values between [-1, 1]. Received: height_factor=(-1.5, 1.5)",
            Assert.Throws<ArgumentException>(() => new RandomZoom(1.5)).Message);
        Assert.Contains("Received: factor=(0.2, 0.1)", Assert.Throws<ArgumentException>(() => new RandomRotation((0.2, 0.1))).Message);
    }

    [Fact]
    public void RescalingScalesAndOffsetsInTrainingAndInference()
    {
        var x = Tensor.From(new float[] { 0, 127.5f, 255 }, new Shape(1, 3));
        var layer = new Rescaling(1.0 / 127.5, offset: -1);
        Assert.Equal(new float[] { -1, 0, 1 }, layer.Call(x).ToArray());
        Assert.Equal(new float[] { -1, 0, 1 }, layer.Call(x, training: true).ToArray());
        Assert.Equal(new float[] { 0, 0.5f, 1 }, new Rescaling(1.0 / 255).Call(x).ToArray());
        Tensor? dx;
        using (var tape = new GradientTape())
        {
            tape.Watch(x);
            dx = tape.Gradient(layer.Call(x), x);
        }
        Assert.All(dx!.ToArray(), g => Assert.Equal(1 / 127.5f, g, 6));
    }
}
