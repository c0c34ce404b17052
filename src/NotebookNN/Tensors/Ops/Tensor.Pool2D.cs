using NotebookNN.Compute.Pooling;


namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>2-D max pooling of a channels-last batch (batch, height, width, channels), with its backward (the
    /// gradient to the first maximal cell of each window).</summary>
    internal static Tensor MaxPool2D(Tensor x, int poolH, int poolW, int strideH, int strideW, bool same) =>
        Pool2D<MaxPoolWindow>(x, PoolGeometry.Of(x.Dims, poolH, poolW, strideH, strideW, same));

    /// <summary>2-D average pooling of a channels-last batch, over each window's cells inside the input, with its backward.</summary>
    internal static Tensor AveragePool2D(Tensor x, int poolH, int poolW, int strideH, int strideW, bool same) =>
        Pool2D<AveragePoolWindow>(x, PoolGeometry.Of(x.Dims, poolH, poolW, strideH, strideW, same));

    private static unsafe Tensor Pool2D<TWindow>(Tensor x, PoolGeometry geometry) where TWindow : struct, IPoolWindow<TWindow>
    {
        var input = x.Contiguous();
        ReadOnlySpan<int> dims = [geometry.Batch, geometry.OutH, geometry.OutW, geometry.Channels];
        var y = NewUninitialized(dims);
        var tape = GradientTape.Recording(x);
        var index = tape is not null && TWindow.UsesIndex ? NewUninitialized(dims) : null;
        fixed (float* px = input.Span, py = y.Span, pi = index is null ? default : index.Span)
        {
            var window = TWindow.Create(px, py, pi, null, null, geometry);
            PoolDriver.Forward(geometry, ref window);
        }
        if (tape is not null)
        {
            var op = tape.Push<Pool2DBackward<TWindow>>(y, x);
            op.Geometry = geometry;
            op.Input = input;
            op.Index = index;
        }
        return y;
    }

    private sealed class Pool2DBackward<TWindow> : TapeOp where TWindow : struct, IPoolWindow<TWindow>
    {
        internal PoolGeometry Geometry;
        internal Tensor Input = null!;
        internal Tensor? Index;

        internal override unsafe void Backward(Tensor g, bool[] needed, Tensor?[] grads)
        {
            var dy = g.Contiguous();
            var dx = NewUninitialized(Input.Dims);
            fixed (float* px = Input.Span, py = Output.Span, pi = Index is null ? default : Index.Span, pdy = dy.Span, pdx = dx.Span)
            {
                var window = TWindow.Create(px, py, pi, pdy, pdx, Geometry);
                PoolDriver.Backward(Geometry, pdx, ref window);
            }
            grads[0] = dx;
        }

        internal override void Clear()
        {
            base.Clear();
            Input = null!;
            Index = null;
        }
    }
}
