namespace NotebookNN;

/// <summary>
/// An n-dimensional array of float32 values, row-major, with numpy broadcasting and automatic
/// differentiation through <see cref="GradientTape"/>. Slices, transposes and reshapes are views
/// sharing storage with their source where the layout allows.
/// </summary>
/// <remarks>
/// Storage is <see cref="Data"/> starting at <see cref="Offset"/>, with element strides per axis
/// (<see cref="Strides"/>, in elements, never negative). Kernels work on contiguous spans; an op that
/// receives a strided view makes it contiguous first (<see cref="Contiguous"/>).
/// </remarks>
public partial class Tensor
{
    internal readonly float[] Data;
    internal readonly int Offset;
    internal readonly int[] Dims;
    internal readonly int[] Strides;

    /// <summary>The tape that recorded the op producing this tensor, or watches it; null outside training.</summary>
    internal GradientTape? Tape;

    internal Tensor(float[] data, int offset, int[] dims, int[] strides)
    {
        Data = data;
        Offset = offset;
        Dims = dims;
        Strides = strides;
    }

    /// <summary>A new contiguous tensor over <paramref name="data"/> (not copied) with the given dims.</summary>
    internal Tensor(float[] data, int[] dims) : this(data, 0, dims, ContiguousStrides(dims)) { }

    /// <summary>A new contiguous zero-filled tensor.</summary>
    internal static Tensor NewZeros(int[] dims)
    {
        var t = NewUninitialized(dims);
        t.Data.AsSpan().Clear();
        return t;
    }

    /// <summary>A new contiguous tensor whose contents the caller overwrites completely.</summary>
    /// <remarks>Inside a <see cref="TensorArena"/> scope the storage is rented from the arena.</remarks>
    internal static Tensor NewUninitialized(int[] dims)
    {
        int size = Shape.Wrap(dims).Size;
        var data = size > 0 && TensorArena.Current is { } arena ? arena.Rent(size) : GC.AllocateUninitializedArray<float>(size);
        return new(data, dims);
    }

    /// <summary>The dimensions, e.g. <c>(60000, 28, 28)</c>.</summary>
    public Shape Shape => Shape.Wrap(Dims);
    /// <summary>Number of dimensions (numpy's <c>ndim</c>).</summary>
    public int NDim => Dims.Length;
    /// <summary>Number of elements.</summary>
    public int Size => Shape.Wrap(Dims).Size;
    /// <summary>Always <c>float32</c>.</summary>
    public DType DType => DType.Float32;

    /// <summary>True when the elements sit in row-major order without gaps from <see cref="Offset"/>.</summary>
    public bool IsContiguous
    {
        get
        {
            int expected = 1;
            for (int i = Dims.Length - 1; i >= 0; i--)
            {
                if (Dims[i] != 1 && Strides[i] != expected) return false;
                expected *= Dims[i];
            }
            return true;
        }
    }

    /// <summary>The elements of a contiguous tensor, in row-major order (shares storage).</summary>
    internal Span<float> Span
    {
        get
        {
            if (!IsContiguous) throw new InvalidOperationException($"Internal: a strided view of shape {Shape} was passed where a contiguous tensor is required.");
            return Data.AsSpan(Offset, Size);
        }
    }

    /// <summary>This tensor if it is contiguous, otherwise a contiguous copy.</summary>
    public Tensor Contiguous() => IsContiguous ? this : CopyStrided();

    /// <summary>A copy of the values in row-major order.</summary>
    public float[] ToArray() => Contiguous().Span.ToArray();

    /// <summary>The single value of a tensor with one element (numpy's <c>item()</c>).</summary>
    public float Item()
    {
        if (Size != 1) throw new InvalidOperationException($"Item() expects a tensor with exactly one element. Received: shape={Shape}");
        return Data[Offset];
    }

    /// <summary>Row-major strides in elements for the given dims.</summary>
    internal static int[] ContiguousStrides(int[] dims)
    {
        var s = new int[dims.Length];
        int acc = 1;
        for (int i = dims.Length - 1; i >= 0; i--) { s[i] = acc; acc *= dims[i]; }
        return s;
    }

    private Tensor CopyStrided()
    {
        var result = NewUninitialized((int[])Dims.Clone());
        Kernels.Drivers.StridedCopy.Run(this, result);
        return result;
    }
}
