namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>A 1-D tensor holding a copy of <paramref name="values"/>: <c>Tensor.From([12f, 3, 6, 14, 7])</c>.</summary>
    public static Tensor From(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new((float[])values.Clone(), [values.Length]);
    }

    /// <summary>A 2-D tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor From(float[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var data = new float[values.Length];
        Buffer.BlockCopy(values, 0, data, 0, data.Length * sizeof(float));
        return new(data, [values.GetLength(0), values.GetLength(1)]);
    }

    /// <summary>A 3-D tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor From(float[,,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var data = new float[values.Length];
        Buffer.BlockCopy(values, 0, data, 0, data.Length * sizeof(float));
        return new(data, [values.GetLength(0), values.GetLength(1), values.GetLength(2)]);
    }

    /// <summary>
    /// A tensor of the values of any array of numbers, as numpy's <c>np.array</c>: <c>Tensor.From(new[] { 12, 3, 6 })</c>
    /// (ints), <c>double[,]</c>, or a jagged array <c>new[] { new[] { 1, 2 }, new[] { 3, 4 } }</c> (shape (2, 2)).
    /// Values are stored as float32.
    /// </summary>
    /// <exception cref="ArgumentException">A jagged array's rows differ in length (numpy's "inhomogeneous shape"), or the
    /// elements are not numbers.</exception>
    public static Tensor From(Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (dims, data) = NestedArray.Read(values);
        return new(data, dims);
    }

    /// <summary>A tensor of the given shape holding a copy of <paramref name="data"/> in row-major order.</summary>
    public static Tensor From(float[] data, Shape shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != shape.Size)
            throw new ArgumentException($"Cannot make a tensor of shape {shape} ({shape.Size} elements) from {data.Length} values.");
        return new((float[])data.Clone(), shape.ToArray());
    }

    /// <summary>
    /// A tensor over <paramref name="data"/> itself, not a copy: for arrays the library has just built and gives away
    /// (a dataset, a one-hot or multi-hot encoding), where <see cref="From(float[], Shape)"/>'s copy would double the
    /// memory for a moment (1 GB more for IMDB's 25,000 × 10,000 multi-hot matrix) and the time.
    /// </summary>
    internal static Tensor Adopt(float[] data, params ReadOnlySpan<int> dims)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != Shape.SizeOf(dims))
            throw new ArgumentException($"Cannot make a tensor of shape {Shape.Format(dims)} ({Shape.SizeOf(dims)} elements) from {data.Length} values.");
        return new(data, dims.ToArray());
    }

    /// <summary>A 0-D tensor holding one value (stored as float32).</summary>
    public static Tensor Scalar(double value) => new([(float)value], []);

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(Shape shape) => NewZeros(shape.Dims);

    /// <summary>A tensor of zeros with the dimensions given one by one: <c>Tensor.Zeros(2, 3)</c>.</summary>
    public static Tensor Zeros(params int[] shape) => Zeros(new Shape(shape));

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(Shape shape) => Full(shape, 1f);

    /// <summary>A tensor of ones with the dimensions given one by one: <c>Tensor.Ones(2, 3)</c>.</summary>
    public static Tensor Ones(params int[] shape) => Ones(new Shape(shape));

    /// <summary>A tensor with every element <paramref name="value"/>.</summary>
    public static Tensor Full(Shape shape, double value)
    {
        var t = NewUninitialized(shape.Dims);
        t.Span.Fill((float)value);
        return t;
    }

    /// <summary>A tensor of zeros with <paramref name="like"/>'s shape.</summary>
    public static Tensor ZerosLike(Tensor like) => NewZeros(like.Dims);

    /// <summary>A tensor of ones with <paramref name="like"/>'s shape.</summary>
    public static Tensor OnesLike(Tensor like) => FilledLike(like, 1f);
}
