namespace NotebookNN.Tests.Ops;

/// <summary>
/// <c>Tensor.Round(decimals)</c> against numpy's <c>np.round</c> on float32, bit for bit (halves to even; the scale in
/// float32). Expected values made with Debian's numpy 1.24:
/// <c>np.round(np.array([0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.135, 2.675, 1234.5678, -1234.5678, 0.99951, 7.0], dtype=np.float32), d)</c>.
/// </summary>
public class RoundTests
{
    private static readonly float[] Values = [0.5f, 1.5f, 2.5f, -0.5f, -2.5f, 0.125f, 0.135f, 2.675f, 1234.5678f, -1234.5678f, 0.99951f, 7.0f];

    public static TheoryData<int, float[]> Numpy => new()
    {
        { -2, [0.0f, 0.0f, 0.0f, -0.0f, -0.0f, 0.0f, 0.0f, 0.0f, 1200.0f, -1200.0f, 0.0f, 0.0f] },
        { -1, [0.0f, 0.0f, 0.0f, -0.0f, -0.0f, 0.0f, 0.0f, 0.0f, 1230.0f, -1230.0f, 0.0f, 10.0f] },
        { 0, [0.0f, 2.0f, 2.0f, -0.0f, -2.0f, 0.0f, 0.0f, 3.0f, 1235.0f, -1235.0f, 1.0f, 7.0f] },
        { 1, [0.5f, 1.5f, 2.5f, -0.5f, -2.5f, 0.10000000149011612f, 0.10000000149011612f, 2.700000047683716f, 1234.5999755859375f, -1234.5999755859375f, 1.0f, 7.0f] },
        { 2, [0.5f, 1.5f, 2.5f, -0.5f, -2.5f, 0.11999999731779099f, 0.14000000059604645f, 2.680000066757202f, 1234.5699462890625f, -1234.5699462890625f, 1.0f, 7.0f] },
        { 3, [0.5f, 1.5f, 2.5f, -0.5f, -2.5f, 0.125f, 0.13500000536441803f, 2.674999952316284f, 1234.5679931640625f, -1234.5679931640625f, 1.0f, 7.0f] },
    };

    [Theory]
    [MemberData(nameof(Numpy))]
    public void RoundsAsNumpyDoes(int decimals, float[] expected)
    {
        // 40 copies: the vector body and the scalar tail both run
        var x = Tensor.From([.. Enumerable.Repeat(Values, 40).SelectMany(v => v)]);
        var got = x.Round(decimals).ToArray();
        for (int i = 0; i < got.Length; i++)
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[i % Values.Length]), BitConverter.SingleToInt32Bits(got[i]));
    }

    [Fact]
    public void KeepsShapeAndNaNAndIsNotRecorded()
    {
        var x = Tensor.From(new float[] { float.NaN, float.PositiveInfinity, 0.25f, -3.75f }, new Shape(2, 2));
        var r = x.Round(1);
        Assert.Equal(new Shape(2, 2), r.Shape);
        Assert.True(float.IsNaN(r.ToArray()[0]));
        Assert.Equal(float.PositiveInfinity, r.ToArray()[1]);
        var w = new Variable(Tensor.From([1.26f]));
        using var tape = new GradientTape();
        var y = (w * 2f).Round(1).Sum() + (w * 3f).Sum();
        Assert.Equal([3f], tape.Gradient(y, [w])[0]!.ToArray()); // only the unrounded term's gradient
    }

    [Fact]
    public void DecimalsBeyondFloat32SayWhatIsExpected()
    {
        Assert.Equal([1f], Tensor.From([1f]).Round(38).ToArray()); // 1e38 is still a float32
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.From([1.5f]).Round(50));
        Assert.StartsWith("Round expects decimals between -38 and 38", e.Message);
        Assert.Contains("50", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.From([1.5f]).Round(-39));
    }
}
