using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// The base of layers that combine several inputs into one (Keras's <c>_Merge</c>): <see cref="Concatenate"/>,
/// <see cref="Add"/>, <see cref="Subtract"/>, <see cref="Multiply"/>, <see cref="Average"/>, <see cref="Maximum"/>,
/// <see cref="Minimum"/>. No weights.
/// </summary>
public abstract class Merge : Layer
{
    /// <param name="name">The layer's name; default the snake_case type name.</param>
    protected Merge(string? name = null) : base(name) { }

    /// <summary>Calls the layer on symbolic tensors (functional API): <c>new Concatenate().Call(a, b)</c>.</summary>
    public KerasTensor Call(params KerasTensor[] inputs) => CallSymbolic(inputs)[0];

    /// <summary>Merges a list of tensors (batch axis first).</summary>
    public Tensor Call(Tensor[] inputs, bool training = false) => InvokeMany(inputs, training)[0];

    /// <summary>A merge layer needs a list of inputs; a single tensor is refused.</summary>
    public override Tensor Call(Tensor inputs, bool training = false) =>
        throw new ArgumentException($"A merge layer should be called on a list of inputs. Received: inputs={inputs?.Shape} (not a list)");

    /// <summary>The merged tensor. The array is lent for this call (a functional model reuses it): keep the tensors,
    /// not the array.</summary>
    protected abstract Tensor MergeTensors(Tensor[] inputs);

    /// <summary>The merged per-sample shape; throws Keras's message for shapes that cannot be merged.</summary>
    protected abstract Shape MergeShapes(Shape[] shapes);

    internal override Shape[] SymbolicOutputShapes(Shape[] inputShapes)
    {
        var shape = CheckedShape(inputShapes);
        return [shape];
    }

    internal override Tensor[] InvokeMany(Tensor[] inputs, bool training) => [MergeChecked(inputs)];

    /// <summary>Merging keeps no per-call state (the shapes last checked are only a shortcut: two calls at once at worst
    /// both check), so Predict may run two chunks through a merge layer at once.</summary>
    internal override bool ConcurrentInference => true;

    /// <summary>The per-sample dims of the inputs last checked (a training loop merges the same shapes every step).</summary>
    private int[][]? _checked;

    /// <summary>Checks the inputs (each a batch; the same batch size; shapes that merge) and merges them. Shapes equal
    /// to the last ones checked are not checked again, so a training step allocates nothing here.</summary>
    internal Tensor MergeChecked(Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var x in inputs)
        {
            ArgumentNullException.ThrowIfNull(x, nameof(inputs));
            if (x.NDim == 0) throw new ArgumentException($"Input of layer \"{Name}\" must have a batch axis. Received a scalar.");
        }
        if (!SameAsChecked(inputs))
        {
            CheckedShape(inputs.Select(x => SampleShape(x)).ToArray());
            _checked = inputs.Select(x => x.Dims[1..]).ToArray();
        }
        for (int i = 1; i < inputs.Length; i++)
            if (inputs[i].Dims[0] != inputs[0].Dims[0])
                throw new ArgumentException($"Inputs of layer \"{Name}\" have different batch sizes. Received shapes {string.Join(", ", inputs.Select(x => x.Shape))}");
        return MergeTensors(inputs);
    }

    private bool SameAsChecked(Tensor[] inputs)
    {
        var last = _checked;
        if (last is null || last.Length != inputs.Length) return false;
        for (int i = 0; i < inputs.Length; i++)
            if (!inputs[i].Dims.AsSpan(1).SequenceEqual(last[i])) return false;
        return true;
    }

    private Shape CheckedShape(Shape[] shapes)
    {
        if (shapes.Length < 2)
            throw new ArgumentException($"A merge layer should be called on a list of at least 2 inputs. Got {shapes.Length} inputs.");
        var result = MergeShapes(shapes);
        EnsureBuilt(shapes[0]);
        return result;
    }

    /// <summary>The shapes as Keras lists them: <c>[(None, 8), (None, 30)]</c>.</summary>
    private protected static string ShapeList(Shape[] shapes) => "[" + string.Join(", ", shapes.Select(KerasTensor.FormatWithBatch)) + "]";
}
