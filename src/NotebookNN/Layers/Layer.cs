using NotebookNN.Initializers;
using NotebookNN.Regularizers;
using NotebookNN.Randomness;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// The base of every layer (keras.layers.Layer). A layer owns its weights, builds them on first use from the
/// input shape, and computes its output in <see cref="Call(Tensor, bool)"/>; gradients come from the ops it uses.
/// </summary>
/// <remarks>
/// Shapes given to <see cref="Build"/> and <see cref="ComputeOutputShape"/> are per sample: the batch axis
/// (Keras's <c>None</c>) is left out. A layer that is called directly builds itself on first call
/// (<see cref="EnsureBuilt(Tensor)"/>); models call layers through <see cref="Invoke"/>, which also checks the input.
/// </remarks>
public abstract partial class Layer
{
    private readonly List<Variable> _weights = [];
    private readonly List<(Variable Weight, Regularizer Regularizer)> _regularized = [];

    /// <summary>The seed of <see cref="SeedGenerator"/>, drawn when the layer is constructed (Keras 3's default seed).</summary>
    private readonly ulong _seed = RandomGenerator.Current.NextUInt64();
    private RandomGenerator? _seedGenerator;

    /// <summary>
    /// The layer's own random stream (Keras 3's per-layer <c>SeedGenerator</c>), seeded from the global generator at
    /// construction: unseeded initializers of its weights, its dropout masks and, for a model, Fit's shuffling draw
    /// from it, so what the layer draws does not depend on what other threads draw meanwhile.
    /// </summary>
    internal RandomGenerator SeedGenerator =>
        _seedGenerator ?? Interlocked.CompareExchange(ref _seedGenerator, new RandomGenerator(_seed), null) ?? _seedGenerator;

    /// <param name="name">The layer's name; by default the snake_case type name made unique (<c>dense</c>, <c>dense_1</c>).</param>
    /// <param name="inputShape">The per-sample input shape, for the first layer of a Sequential model (Keras's <c>input_shape</c>).</param>
    protected Layer(string? name = null, Shape? inputShape = null)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"Received an invalid value for `name`, expected a non-empty string. Received: name='{name}'");
        Name = name ?? LayerNames.Unique(DefaultNamePrefix, OneBasedNames);
        DeclaredInputShape = inputShape;
    }

    /// <summary>The layer's name.</summary>
    public string Name { get; internal set; }

    /// <summary>The prefix of automatic names: the snake_case type name.</summary>
    protected virtual string DefaultNamePrefix => LayerNames.SnakeCase(GetType().Name);

    /// <summary>Keras 2 numbers some automatic names from 1 (<c>input_1</c>) and most from 0 (<c>dense</c>, <c>dense_1</c>).</summary>
    private protected virtual bool OneBasedNames => false;

    /// <summary>The per-sample input shape given at construction (<c>inputShape:</c>), if any.</summary>
    public Shape? DeclaredInputShape { get; }

    /// <summary>The per-sample input shape the layer was built for; null before it is built.</summary>
    public Shape? BuiltInputShape { get; private set; }

    /// <summary>Whether <see cref="Build"/> has run.</summary>
    public bool Built => BuiltInputShape is not null;

    /// <summary>When false the layer's weights are frozen: not trained, counted as non-trainable.</summary>
    public bool Trainable { get; set; } = true;

    /// <summary>Constraints on the input checked before each call; set in <see cref="Build"/>.</summary>
    protected InputSpec? InputSpec { get; set; }

    /// <summary>All weights, trainable first, in creation order (Keras's order).</summary>
    public virtual IReadOnlyList<Variable> Weights => [.. TrainableWeights, .. NonTrainableWeights];

    /// <summary>The weights an optimizer updates.</summary>
    public virtual IReadOnlyList<Variable> TrainableWeights =>
        Trainable ? [.. OwnWeights.Where(w => w.Trainable), .. SubLayers.SelectMany(l => l.TrainableWeights)] : [];

    /// <summary>The weights that are not trained (frozen layers, or weights created non-trainable).</summary>
    public virtual IReadOnlyList<Variable> NonTrainableWeights => Trainable
        ? [.. OwnWeights.Where(w => !w.Trainable), .. SubLayers.SelectMany(l => l.NonTrainableWeights)]
        : [.. OwnWeights, .. SubLayers.SelectMany(l => l.Weights)];

    /// <summary>The weights created with <see cref="AddWeight"/> and the variables held in fields of a custom layer.</summary>
    private List<Variable> OwnWeights => GetType().Assembly == typeof(Layer).Assembly ? _weights
        : _weights.Concat(FieldTracker.Variables(this, typeof(Layer))).Distinct(ReferenceEqualityComparer.Instance).Cast<Variable>().ToList();

    /// <summary>The layers a custom layer holds in its fields (tracked without registration, as Keras does).</summary>
    private protected virtual IReadOnlyList<Layer> SubLayers =>
        GetType().Assembly == typeof(Layer).Assembly ? Array.Empty<Layer>() : FieldTracker.Layers(this, typeof(Layer));

    /// <summary>Creates the layer's weights for a per-sample input shape. Called once, before the first call.</summary>
    public virtual void Build(Shape inputShape) { }

    /// <summary>The forward computation. Training-only behaviour (dropout) keys off <paramref name="training"/>.</summary>
    public abstract Tensor Call(Tensor inputs, bool training = false);

    /// <summary>The per-sample output shape for a per-sample input shape.</summary>
    public virtual Shape ComputeOutputShape(Shape inputShape) => inputShape;

    /// <summary>The constructor arguments that recreate this layer (Keras's <c>get_config</c>).</summary>
    public virtual Dictionary<string, object?> GetConfig() => new() { ["name"] = Name, ["trainable"] = Trainable };

    /// <summary>Number of scalars in the layer's weights.</summary>
    public int CountParams() => Weights.Sum(w => w.Size);

    /// <summary>The regularization penalties of this layer's weights, summed (0-D), or null when there are none.</summary>
    public virtual Tensor? RegularizationLoss()
    {
        Tensor? total = null;
        for (int i = 0; i < _regularized.Count; i++)
        {
            var penalty = _regularized[i].Regularizer.Call(_regularized[i].Weight);
            total = total is null ? penalty : total + penalty;
        }
        var subLayers = SubLayers;
        for (int i = 0; i < subLayers.Count; i++) // indexed: an interface foreach would box an enumerator every step
            if (subLayers[i].RegularizationLoss() is { } sub) total = total is null ? sub : total + sub;
        return total;
    }

    /// <summary>Builds the layer for the per-sample shape of a batch <paramref name="inputs"/> if it is not built yet.</summary>
    public void EnsureBuilt(Tensor inputs)
    {
        if (!Built) EnsureBuilt(SampleShape(inputs));
    }

    /// <summary>Builds the layer for a per-sample input shape if it is not built yet.</summary>
    public void EnsureBuilt(Shape sampleShape)
    {
        if (Built) return;
        using (RandomGenerator.Use(SeedGenerator)) Build(sampleShape); // sub-layers made in Build draw their seeds here too
        BuiltInputShape = sampleShape;
    }

    /// <summary>Checks a batched input shape against the layer's <see cref="InputSpec"/> (Keras's message on a mismatch);
    /// <paramref name="shown"/> prints the shape for symbolic calls, whose batch axis is None.</summary>
    internal void CheckInput(Shape batchShape, string? shown = null) => InputSpec?.Check(this, batchShape, shown);

    /// <summary>Builds if needed, checks the input against the layer's spec, then calls it (Keras's <c>__call__</c>).</summary>
    public Tensor Invoke(Tensor inputs, bool training = false)
    {
        PrepareCall(inputs);
        return Call(inputs, training)
            ?? throw new InvalidOperationException($"Layer \"{Name}\" ({GetType().Name}) returned null from Call on input {inputs.Shape}; expected a tensor.");
    }

    /// <summary>
    /// <see cref="Invoke"/> of a layer ending in an activation (<see cref="IActivatedLayer"/>), with the tensor that
    /// activation applies to in <paramref name="logits"/>: what the trainer computes a from-logits loss on. Any other
    /// layer is invoked as usual, with no logits.
    /// </summary>
    internal Tensor InvokeSplit(Tensor inputs, bool training, out Tensor? logits)
    {
        if (this is not IActivatedLayer activated)
        {
            logits = null;
            return Invoke(inputs, training);
        }
        PrepareCall(inputs);
        logits = activated.CallLogits(inputs, training);
        return activated.Activation.Call(logits);
    }

    /// <summary>What Keras's <c>__call__</c> does before <c>call</c>: refuse a scalar, build, check the input spec.</summary>
    private void PrepareCall(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.NDim == 0)
            throw new ArgumentException($"Input 0 of layer \"{Name}\" is incompatible with the layer: expected a batch of samples (at least 1 dimension), but received a scalar.");
        EnsureBuilt(inputs);
        InputSpec?.Check(this, inputs.Shape);
    }

    /// <summary>Adds a weight to the layer (Keras's <c>add_weight</c>).</summary>
    protected Variable AddWeight(string name, Shape shape, Initializer? initializer = null, bool trainable = true, Regularizer? regularizer = null)
    {
        var init = initializer ?? Initializer.Get("glorot_uniform");
        WeightBudget.Take(Name, name, shape); // loading a model file: no more than the file holds
        Tensor value;
        using (RandomGenerator.Use(SeedGenerator)) value = init.Call(shape);
        var w = new Variable(value, $"{Name}/{name}", trainable);
        _weights.Add(w);
        if (regularizer is not null) _regularized.Add((w, regularizer));
        return w;
    }

    /// <summary>The per-sample shape of a batch: every axis but the first.</summary>
    protected static Shape SampleShape(Tensor batch) => Shape.Wrap(batch.Dims[1..]);

    /// <summary>True for built-in layers whose inference output depends only on their weights and input (no state
    /// changed by a call), so <c>Model.Predict</c> may run two batches through them at once.</summary>
    internal virtual bool ConcurrentInference => false;

    /// <summary>What an error message calls this object: "layer", or "model" for a model.</summary>
    private protected virtual string Kind => "layer";

    public override string ToString() => $"<{GetType().Name} name={Name}, built={Built}>";
}
