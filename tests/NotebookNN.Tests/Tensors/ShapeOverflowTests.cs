using NotebookNN.Layers;

namespace NotebookNN.Tests.Tensors;

/// <summary>
/// Sizes computed from shapes never wrap: a shape whose product passes what one array holds is refused with a
/// Keras-style message giving the exact count, as numpy refuses it ("array is too big"), even with a zero axis.
/// </summary>
public class ShapeOverflowTests
{
    [Fact]
    public void ZerosOfAShapeWhoseSizeWrapsToZeroIsRefused()
    {
        // 65536^4 = 2^64: a long product wraps to 0, so the old check passed and the tensor had Size 0
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros([65536, 65536, 65536, 65536]));
        Assert.Equal($"A tensor of shape (65536, 65536, 65536, 65536) would have 18446744073709551616 elements, more than a float32 array can hold ({Array.MaxLength}).", e.Message);
        // 2^63 wraps to long.MinValue, which is below Array.MaxLength
        Assert.Contains("9223372036854775808 elements", Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, 1 << 30, 1 << 30, 1 << 2])).Message);
    }

    [Fact]
    public void AZeroAxisDoesNotHideAnOversizedShapeButEmptyShapesWork()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Zeros([0, 65536, 65536, 65536, 65536]));
        Assert.Equal(0, Tensor.Zeros([0, 65536, 1000]).Size);
        Assert.Equal(0, new Shape(3, 0, 7).Size);
        Assert.Equal(Array.MaxLength, new Shape(Array.MaxLength).Size);
    }

    [Fact]
    public void ReshapeToAShapeWhoseSizeWrapsIsRefused()
    {
        var empty = Tensor.Zeros([0]);
        var e = Assert.Throws<ArgumentException>(() => empty.Reshape(65536, 65536, 65536, 65536));
        Assert.StartsWith("cannot reshape tensor of size 0 into shape (65536, 65536, 65536, 65536)", e.Message);
        Assert.Throws<ArgumentException>(() => Tensor.Zeros([4]).Reshape(65536, 65536, 65536, 65536, -1));
        Assert.Equal(new Shape(0, 3), empty.Reshape(-1, 3).Shape);
    }

    [Fact]
    public void AReshapeLayerWhoseTargetSizeWrapsIsRefused()
    {
        // [65536, 65536, -1]: an int product wraps to 0, and the old layer divided by it
        var layer = new Reshape([65536, 65536, -1]);
        var e = Assert.Throws<ArgumentException>(() => layer.ComputeOutputShape(new Shape(4)));
        Assert.StartsWith("total size of new array must be unchanged, input_shape = (4,), output_shape = (65536, 65536, -1)", e.Message);
        Assert.Throws<ArgumentException>(() => new Reshape([65536, 65536]).ComputeOutputShape(new Shape(0)));
        Assert.Equal(new Shape(2, 2), new Reshape([2, -1]).ComputeOutputShape(new Shape(4)));
    }
}
