using NotebookNN.Compute.Drivers;

namespace NotebookNN.Tensors;

/// <summary>Non-recording reduction plumbing behind Sum/Mean/Max/Min/ArgMax: axis normalisation, numpy's
/// result shapes, and the (outer, n, inner) split handed to <see cref="ReduceDriver"/>.</summary>
internal static class Reduction
{
    /// <summary>Distinct non-negative axes in ascending order; null means every axis.</summary>
    public static int[] NormalizeAxes(int[]? axes, int rank)
    {
        var result = new int[axes?.Length ?? rank];
        NormalizeAxes(axes, rank, result);
        return result;
    }

    /// <summary>As <see cref="NormalizeAxes(int[], int)"/> into <paramref name="result"/> (length: the axes', or the rank for null).</summary>
    public static void NormalizeAxes(int[]? axes, int rank, Span<int> result)
    {
        if (axes is null)
        {
            for (int i = 0; i < rank; i++) result[i] = i;
            return;
        }
        for (int i = 0; i < axes.Length; i++)
        {
            result[i] = Shape.NormalizeAxis(axes[i], rank);
            for (int j = 0; j < i; j++)
                if (result[j] == result[i]) throw new ArgumentException($"Duplicate axis {axes[i]} in axes=[{string.Join(", ", axes)}].");
        }
        result[..axes.Length].Sort();
    }

    /// <summary>The result dims: reduced axes become 1 (keepDims) or disappear.</summary>
    public static int[] ResultDims(int[] dims, ReadOnlySpan<int> axes, bool keepDims)
    {
        Span<int> result = stackalloc int[dims.Length];
        return result[..ResultDims(dims, axes, keepDims, result)].ToArray();
    }

    /// <summary>As <see cref="ResultDims(int[], ReadOnlySpan{int}, bool)"/> into <paramref name="result"/>; returns the rank.</summary>
    public static int ResultDims(ReadOnlySpan<int> dims, ReadOnlySpan<int> axes, bool keepDims, Span<int> result)
    {
        int k = 0;
        for (int i = 0; i < dims.Length; i++)
            if (!axes.Contains(i)) result[k++] = dims[i];
            else if (keepDims) result[k++] = 1;
        return k;
    }

    /// <summary>TAgg over the given (normalized, sorted) axes, with kept dims of 1.</summary>
    public static Tensor Reduce<TAgg>(Tensor x, ReadOnlySpan<int> axes) where TAgg : IAggregateOp
    {
        var current = x.Contiguous();
        for (int k = axes.Length - 1; k >= 0; k--) current = ReduceOne<TAgg>(current, axes[k]);
        if (axes.Length == 0) current = Elementwise.Unary<IdentityOp>(current); // a copy, as numpy: never a view of x
        return current;
    }

    private static Tensor ReduceOne<TAgg>(Tensor x, int axis) where TAgg : IAggregateOp
    {
        var (outer, n, inner) = Split(x.Dims, axis);
        var result = Tensor.NewUninitialized(x.Dims, axis, 1);
        ReduceDriver.AlongAxis<TAgg>(x.Span, outer, n, inner, result.Span);
        return result;
    }

    /// <summary>Indices (as floats) of the first max/min along one axis, with a kept dim of 1.</summary>
    public static Tensor Arg(Tensor x, int axis, bool max)
    {
        var c = x.Contiguous();
        var (outer, n, inner) = Split(c.Dims, axis);
        var result = Tensor.NewUninitialized(c.Dims, axis, 1);
        if (result.Size > 0) ReduceDriver.ArgAlongAxis(c.Span, outer, n, inner, result.Span, max);
        return result;
    }

    /// <summary>(product of dims before axis, dims[axis], product after).</summary>
    public static (int Outer, int N, int Inner) Split(int[] dims, int axis)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= dims[i];
        for (int i = axis + 1; i < dims.Length; i++) inner *= dims[i];
        return (outer, dims[axis], inner);
    }

    /// <summary>Throws numpy's error for a max/min/argmax over an empty axis.</summary>
    public static void RequireNonEmpty(Tensor x, int[] axes, string op)
    {
        foreach (var a in axes)
            if (x.Dims[a] == 0)
                throw new ArgumentException($"Cannot compute {op} over axis {a} of a tensor of shape {x.Shape}: zero-size reduction has no identity.");
        if (axes.Length == 0 && x.Size == 0)
            throw new ArgumentException($"Cannot compute {op} of an empty tensor of shape {x.Shape}.");
    }
}
