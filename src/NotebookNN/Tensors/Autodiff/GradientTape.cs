using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace NotebookNN.Tensors;

/// <summary>
/// Records differentiable ops while it is active, then computes gradients in reverse (Keras / TensorFlow's
/// <c>tf.GradientTape</c>). Trainable <see cref="Variable"/>s are watched automatically; other tensors with
/// <see cref="Watch"/>. Outside a tape nothing is recorded, so inference pays nothing.
/// <code>
/// using (var tape = new GradientTape()) { loss = Loss(model.Call(x), y); }
/// var grads = tape.Gradient(loss, model.TrainableWeights);
/// </code>
/// </summary>
/// <remarks>
/// Each op records its output, its inputs and a backward function written beside its forward code.
/// Entries are appended in execution order, so walking them backwards is a valid topological order:
/// no graph sort is needed. Gradients flowing into the same tensor accumulate (sum).
/// </remarks>
public sealed class GradientTape : IDisposable
{
    [ThreadStatic] private static GradientTape? _current;

    private GradientTape? _outer;
    private readonly List<TapeOp> _entries = [];
    /// <summary>Finished ops by type, handed out again by <see cref="Push{T}(Tensor, Tensor)"/>.</summary>
    private readonly Dictionary<Type, Stack<TapeOp>> _free = [];
    private bool _recording = true;
    private bool _used;
    // Working state of Gradient, kept so a tape reused step after step (Restart) allocates none of it again.
    private readonly HashSet<Tensor> _wanted = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Tensor, Tensor> _grads = new(ReferenceEqualityComparer.Instance);
    private readonly List<bool[]> _neededByArity = [];
    private readonly List<Tensor?[]> _gradsByArity = [];

    /// <summary>Starts recording on this thread until <see cref="Dispose"/>.</summary>
    /// <param name="persistent">Allow more than one <see cref="Gradient(Tensor, IReadOnlyList{Tensor}, Tensor?)"/> call.</param>
    public GradientTape(bool persistent = false)
    {
        Persistent = persistent;
        _outer = _current;
        _current = this;
    }

    /// <summary>
    /// Starts recording again on this thread with nothing recorded, as a new tape would (the train step reuses one
    /// tape so its lists and dictionaries are not allocated every step). The previous recording must be disposed.
    /// </summary>
    internal GradientTape Restart()
    {
        Recycle();
        _used = false;
        _recording = true;
        _outer = _current;
        _current = this;
        return this;
    }

    /// <summary>Whether <see cref="Gradient(Tensor, IReadOnlyList{Tensor}, Tensor?)"/> may be called more than once.</summary>
    public bool Persistent { get; }

    /// <summary>Number of ops recorded so far (for tests and diagnostics).</summary>
    public int RecordedOps => _entries.Count;

    /// <summary>Tracks ops on <paramref name="tensor"/> so gradients with respect to it can be asked for.</summary>
    public void Watch(Tensor tensor) => tensor.Tape = this;

    /// <summary>Stops recording on this thread (gradients can still be computed afterwards).</summary>
    public void Dispose()
    {
        if (_current == this) _current = _outer;
        _recording = false;
    }

    /// <summary>d target / d source for one source; null when the target does not depend on it.</summary>
    public Tensor? Gradient(Tensor target, Tensor source) => Gradient(target, [source])[0];

    /// <summary>
    /// d target / d source for each source (summed over the target's elements, or weighted by
    /// <paramref name="outputGradient"/>); an entry is null when the target does not depend on that source.
    /// </summary>
    public Tensor?[] Gradient(Tensor target, IReadOnlyList<Tensor> sources, Tensor? outputGradient = null)
    {
        var result = new Tensor?[sources.Count];
        Gradient(target, sources, result, outputGradient);
        return result;
    }

    /// <summary>As <see cref="Gradient(Tensor, IReadOnlyList{Tensor}, Tensor?)"/>, writing into <paramref name="result"/>
    /// (one entry per source) so a train step reusing its array allocates nothing.</summary>
    internal void Gradient(Tensor target, IReadOnlyList<Tensor> sources, Tensor?[] result, Tensor? outputGradient = null)
    {
        if (_used && !Persistent)
            throw new InvalidOperationException("A non-persistent GradientTape can compute gradients only once; create it with persistent: true to call Gradient again.");
        _used = true;
        if (outputGradient is not null && outputGradient.Shape != target.Shape)
            throw new ArgumentException($"outputGradient must have the target's shape {target.Shape}. Received: shape={outputGradient.Shape}");

        var wanted = _wanted;
        var grads = _grads;
        wanted.Clear();
        grads.Clear();
        for (int i = 0; i < sources.Count; i++) wanted.Add(sources[i]);
        grads[target] = outputGradient ?? Tensor.FilledLike(target, 1f);
        bool wasRecording = _recording;
        var current = _current;
        _recording = false;
        _current = null; // backward code runs ops that must not be recorded anywhere
        try
        {
            for (int i = _entries.Count - 1; i >= 0; i--)
            {
                var e = _entries[i];
                if (!grads.TryGetValue(e.Output, out var g)) continue;
                if (!wanted.Contains(e.Output)) grads.Remove(e.Output);
                var needed = Buffer(_neededByArity, e.Inputs.Length);
                for (int j = 0; j < needed.Length; j++) needed[j] = IsTracked(e.Inputs[j], this);
                var inputGrads = Buffer(_gradsByArity, e.Inputs.Length);
                Array.Clear(inputGrads);
                long clock = StepProfile.Start();
                e.Backward(g, needed, inputGrads);
                for (int j = 0; j < e.Inputs.Length; j++)
                {
                    var gi = inputGrads[j];
                    if (gi is null || !needed[j]) continue;
                    var input = e.Inputs[j];
                    if (gi.Shape != input.Shape)
                        throw new InvalidOperationException($"Internal: the backward of an op returned a gradient of shape {gi.Shape} for an input of shape {input.Shape}.");
                    grads[input] = grads.TryGetValue(input, out var acc) ? Accumulate(acc, gi) : gi;
                }
                StepProfile.ChargeBackward(e.Section, clock);
            }
        }
        finally
        {
            _recording = wasRecording;
            _current = current;
            if (!Persistent) Recycle();
        }
        if (result.Length != sources.Count)
            throw new ArgumentException($"Internal: {result.Length} gradient slots for {sources.Count} sources.");
        for (int i = 0; i < result.Length; i++) result[i] = grads.GetValueOrDefault(sources[i]);
        grads.Clear(); // hold no tensor of the step past it
        wanted.Clear();
    }

    /// <summary>The "needed" flags and gradient slots passed to a backward function: one array per arity, reused
    /// (backward functions use them while they run and keep no reference).</summary>
    private static T[] Buffer<T>(List<T[]> byArity, int arity)
    {
        while (byArity.Count <= arity) byArity.Add(new T[byArity.Count]);
        return byArity[arity];
    }

    /// <summary>Empties the recording, keeping the finished ops for reuse.</summary>
    private void Recycle()
    {
        foreach (var op in _entries)
        {
            op.Clear();
            if (!_free.TryGetValue(op.GetType(), out var stack)) _free[op.GetType()] = stack = new Stack<TapeOp>();
            stack.Push(op);
        }
        _entries.Clear();
    }

    /// <summary>Computes the gradients of each input of an op from the gradient of its output.
    /// <paramref name="needed"/>[i] says whether input i needs one; entries not needed may be null.</summary>
    internal delegate Tensor?[] BackwardFn(Tensor outputGrad, bool[] needed);

    /// <summary>The recording tape when some input is tracked by it, else null.</summary>
    internal static GradientTape? Recording(Tensor a)
    {
        var t = _current;
        return t is { _recording: true } && IsTracked(a, t) ? t : null;
    }

    internal static GradientTape? Recording(Tensor a, Tensor b)
    {
        var t = _current;
        return t is { _recording: true } && (IsTracked(a, t) || IsTracked(b, t)) ? t : null;
    }

    internal static GradientTape? Recording(Tensor a, Tensor b, Tensor? c)
    {
        var t = _current;
        return t is { _recording: true } && (IsTracked(a, t) || IsTracked(b, t) || (c is not null && IsTracked(c, t))) ? t : null;
    }

    internal static GradientTape? Recording(ReadOnlySpan<Tensor> inputs)
    {
        var t = _current;
        if (t is not { _recording: true }) return null;
        foreach (var x in inputs) if (IsTracked(x, t)) return t;
        return null;
    }

    /// <summary>True when a tape is recording on this thread (ops may skip work only backward needs otherwise).</summary>
    internal static bool IsRecording => _current is { _recording: true };

    /// <summary>Records a unary op: <paramref name="dx"/> maps the output's gradient to the input's.</summary>
    internal static void Record(Tensor output, Tensor x, Func<Tensor, Tensor> dx)
    {
        if (Recording(x) is not { } tape) return;
        tape.Add(output, [x], (g, _) => [dx(g)]);
    }

    /// <summary>Records a binary op; each gradient function is called only for an input that needs it.</summary>
    internal static void Record(Tensor output, Tensor a, Tensor b, Func<Tensor, Tensor>? da, Func<Tensor, Tensor>? db)
    {
        if (Recording(a, b) is not { } tape) return;
        tape.Add(output, [a, b], (g, need) => [need[0] ? da?.Invoke(g) : null, need[1] ? db?.Invoke(g) : null]);
    }

    /// <summary>Records an op with any number of inputs.</summary>
    internal static void Record(Tensor output, Tensor[] inputs, BackwardFn backward)
    {
        if (Recording(inputs) is not { } tape) return;
        tape.Add(output, inputs, backward);
    }

    private void Add(Tensor output, Tensor[] inputs, BackwardFn backward)
    {
        var op = Next<ClosureOp>(output);
        op.Inputs = inputs;
        op.Fn = backward;
    }

    /// <summary>Records an op of type <typeparamref name="T"/> on one input (a reused instance when one is free); the
    /// caller sets the op's own fields on the instance returned.</summary>
    internal T Push<T>(Tensor output, Tensor a) where T : TapeOp, new()
    {
        var op = Next<T>(output);
        op.SetInputs(a);
        return op;
    }

    /// <inheritdoc cref="Push{T}(Tensor, Tensor)"/>
    internal T Push<T>(Tensor output, Tensor a, Tensor b) where T : TapeOp, new()
    {
        var op = Next<T>(output);
        op.SetInputs(a, b);
        return op;
    }

    /// <inheritdoc cref="Push{T}(Tensor, Tensor)"/>
    internal T Push<T>(Tensor output, Tensor a, Tensor b, Tensor c) where T : TapeOp, new()
    {
        var op = Next<T>(output);
        op.SetInputs(a, b, c);
        return op;
    }

    private T Next<T>(Tensor output) where T : TapeOp, new()
    {
        var op = _free.TryGetValue(typeof(T), out var stack) && stack.Count > 0 ? (T)stack.Pop() : new T();
        op.Output = output;
        op.Section = StepProfile.Section;
        output.Tape = this;
        _entries.Add(op);
        return op;
    }

    private static bool IsTracked(Tensor t, GradientTape tape) =>
        ReferenceEquals(t.Tape, tape) || t is Variable { Trainable: true };

    private static Tensor Accumulate(Tensor a, Tensor b)
    {
        var sum = Tensor.NewUninitialized(a.Dims);
        TensorPrimitives.Add(a.Contiguous().Span, b.Contiguous().Span, sum.Span);
        return sum;
    }
}
