namespace NotebookNN.Tensors;

/// <summary>
/// Reuses the storage of the tensors one training or inference step creates. While a scope is entered on a
/// thread, <see cref="Tensor.NewUninitialized(ReadOnlySpan{int})"/> and <see cref="Tensor.NewZeros"/> rent arrays here; leaving the
/// scope hands every array back for the next step. Tensor objects made in the scope are pooled the same way, and their
/// dims and strides are interned in a <see cref="ShapeTable"/>: after the first step a step allocates nothing for its
/// tensors, so the large activations and weight gradients neither churn the GC nor land on the large-object heap.
/// </summary>
/// <remarks>
/// Only code that owns a whole step enters a scope (Fit, Evaluate, Predict), and nothing created inside may be used
/// after it: the step reads its loss and metrics as doubles inside the scope, optimizers update variables in place,
/// and Variables copy their initial values into arrays of their own. Arrays are pooled by exact length, because
/// kernels use <c>Data.Length</c>. A pooled tensor object is handed out again in the next step, so neither its
/// storage nor the object itself may be kept (a kept one is emptied and says so when read); its dims may (they are
/// interned, never written). Worker threads never see the scope (it is thread-local), so kernels running on the
/// compute pool allocate nothing here; Predict's lanes enter arenas of their own.
/// </remarks>
internal sealed class TensorArena
{
    [ThreadStatic] private static TensorArena? _current;

    private readonly Dictionary<int, Stack<float[]>> _free = [];
    private readonly int[] _recentLengths = new int[16];
    private readonly Stack<float[]>?[] _recentStacks = new Stack<float[]>?[16];
    /// <summary>Arrays rented in the current scope, each with the free list it goes back to.</summary>
    private readonly List<(float[] Array, Stack<float[]> Home)> _rented = [];
    private readonly List<Tensor> _tensors = [];
    private int _tensorsInUse;
    private readonly ShapeTable _shapes = new();
    private int _active;

    /// <summary>The arena whose scope is active on this thread, if any.</summary>
    internal static TensorArena? Current => _current;

    /// <summary>Makes this arena the current one until the returned scope is disposed.</summary>
    public Scope Enter() =>
        TryEnter(out var scope) ? scope : throw new InvalidOperationException("Internal: a tensor arena scope was entered twice.");

    /// <summary>
    /// Enters the arena's scope unless a scope of it is already active (on any thread: a model shares one arena
    /// between its Fit, Evaluate and Predict calls, and a nested or concurrent call then uses an arena of its own).
    /// </summary>
    public bool TryEnter(out Scope scope)
    {
        if (Interlocked.CompareExchange(ref _active, 1, 0) != 0)
        {
            scope = default;
            return false;
        }
        var outer = _current;
        _current = this;
        scope = new Scope(this, outer);
        return true;
    }

    /// <summary>Enters <paramref name="shared"/> if it is free, else <paramref name="fallback"/> (created on first need).</summary>
    public static Scope EnterEither(TensorArena shared, ref TensorArena? fallback) =>
        shared.TryEnter(out var scope) ? scope : (fallback ??= new TensorArena()).Enter();

    /// <summary>An array of exactly <paramref name="length"/> floats with unspecified contents.</summary>
    public float[] Rent(int length)
    {
        // a step asks for the same few lengths over and over: a small direct-mapped cache in front of the dictionary
        int slot = (int)((uint)length * 2654435769u >> 28);
        var stack = _recentLengths[slot] == length ? _recentStacks[slot] : null;
        if (stack is null)
        {
            if (!_free.TryGetValue(length, out stack)) _free[length] = stack = new Stack<float[]>();
            _recentLengths[slot] = length;
            _recentStacks[slot] = stack;
        }
        var array = stack.Count > 0 ? stack.Pop() : GC.AllocateUninitializedArray<float>(length);
        _rented.Add((array, stack));
        return array;
    }

    /// <summary>A contiguous tensor over <paramref name="data"/> from the pool.</summary>
    public Tensor NewTensor(float[] data, int offset, ReadOnlySpan<int> dims)
    {
        var (d, s) = _shapes.InternContiguous(dims);
        return NextTensor().Reset(data, offset, d, s);
    }

    /// <summary>A tensor (a view, possibly strided) over <paramref name="data"/> from the pool.</summary>
    public Tensor NewTensor(float[] data, int offset, ReadOnlySpan<int> dims, ReadOnlySpan<int> strides) =>
        NextTensor().Reset(data, offset, _shapes.Intern(dims), _shapes.Intern(strides));

    private Tensor NextTensor()
    {
        if (_tensorsInUse == _tensors.Count) _tensors.Add(new Tensor([], 0, [], []));
        return _tensors[_tensorsInUse++];
    }

    private void ReturnAll()
    {
        for (int i = 0; i < _tensorsInUse; i++) _tensors[i].Release();
        _tensorsInUse = 0;
        foreach (var (array, home) in _rented) home.Push(array);
        _rented.Clear();
    }

    /// <summary>Leaves the arena's scope, returning every array rented in it.</summary>
    public readonly struct Scope(TensorArena arena, TensorArena? outer) : IDisposable
    {
        public void Dispose()
        {
            if (arena is null) return;
            _current = outer;
            arena.ReturnAll();
            Volatile.Write(ref arena._active, 0);
        }
    }
}
