
namespace NotebookNN.Tensors;

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
    // Written only by the constructor and by a TensorArena reusing the object for the next step.
    internal float[] Data;
    internal int Offset;
    internal int[] Dims;
    internal int[] Strides;

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
    internal static Tensor NewZeros(ReadOnlySpan<int> dims)
    {
        var t = NewUninitialized(dims);
        t.Data.AsSpan().Clear();
        return t;
    }

    /// <summary>A new contiguous tensor whose contents the caller overwrites completely.</summary>
    /// <remarks>Inside a <see cref="TensorArena"/> scope the storage and the tensor object come from the arena.</remarks>
    internal static Tensor NewUninitialized(ReadOnlySpan<int> dims)
    {
        int size = Shape.SizeOf(dims);
        if (TensorArena.Current is { } arena) return arena.NewTensor(size > 0 ? arena.Rent(size) : [], 0, dims);
        return new(GC.AllocateUninitializedArray<float>(size), dims.ToArray());
    }

    /// <summary>A new contiguous tensor of dims <paramref name="lead"/> followed by <paramref name="last"/>.</summary>
    internal static Tensor NewUninitialized(ReadOnlySpan<int> lead, int last)
    {
        Span<int> dims = stackalloc int[lead.Length + 1];
        lead.CopyTo(dims);
        dims[^1] = last;
        return NewUninitialized(dims);
    }

    /// <summary>A new contiguous tensor of <paramref name="dims"/> with axis <paramref name="axis"/> of length <paramref name="size"/> instead.</summary>
    internal static Tensor NewUninitialized(ReadOnlySpan<int> dims, int axis, int size)
    {
        Span<int> d = stackalloc int[dims.Length];
        dims.CopyTo(d);
        d[axis] = size;
        return NewUninitialized(d);
    }

    /// <summary>A tensor over existing storage (a view); inside a <see cref="TensorArena"/> scope the object is pooled.</summary>
    internal static Tensor View(float[] data, int offset, ReadOnlySpan<int> dims, ReadOnlySpan<int> strides) =>
        TensorArena.Current is { } arena ? arena.NewTensor(data, offset, dims, strides) : new(data, offset, dims.ToArray(), strides.ToArray());

    /// <summary>A contiguous tensor over existing storage; inside a <see cref="TensorArena"/> scope the object is pooled.</summary>
    internal static Tensor View(float[] data, int offset, ReadOnlySpan<int> dims) =>
        TensorArena.Current is { } arena ? arena.NewTensor(data, offset, dims) : new(data, offset, dims.ToArray(), ContiguousStrides(dims));

    /// <summary>Points a pooled tensor object at new storage (<see cref="TensorArena"/> only).</summary>
    internal Tensor Reset(float[] data, int offset, int[] dims, int[] strides)
    {
        Data = data;
        Offset = offset;
        Dims = dims;
        Strides = strides;
        return this;
    }

    /// <summary>The error for reading a tensor of a finished Fit / Evaluate / Predict step (its storage went back to the arena).</summary>
    private InvalidOperationException Released() => new(
        $"This tensor (shape {Shape}) was made inside a Fit, Evaluate or Predict step and its storage has been reused by later steps. " +
        "Copy what you need while the step runs (for example with ToArray() in a custom layer), or compute it again with model.PredictOnBatch(x).");

    /// <summary>Drops what a pooled tensor object refers to at the end of its step.</summary>
    internal void Release()
    {
        Data = [];
        Tape = null;
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
            int size = Size;
            if ((uint)(Offset + size) > (uint)Data.Length) throw Released();
            return Data.AsSpan(Offset, size);
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
        if (Offset >= Data.Length) throw Released();
        return Data[Offset];
    }

    /// <summary>Row-major strides in elements for the given dims.</summary>
    internal static int[] ContiguousStrides(ReadOnlySpan<int> dims)
    {
        var s = new int[dims.Length];
        ContiguousStrides(dims, s);
        return s;
    }

    /// <summary>Writes the row-major strides of <paramref name="dims"/> into <paramref name="strides"/>.</summary>
    internal static void ContiguousStrides(ReadOnlySpan<int> dims, Span<int> strides)
    {
        int acc = 1;
        for (int i = dims.Length - 1; i >= 0; i--) { strides[i] = acc; acc *= dims[i]; }
    }

    private Tensor CopyStrided()
    {
        if (Data.Length == 0 && Size > 0) throw Released();
        var result = NewUninitialized(Dims);
        CopyElements(this, result);
        return result;
    }
}
