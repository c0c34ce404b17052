using NotebookNN.Layers;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

/// <summary>
/// A model: layers with training and inference built in (keras.Model). Use <see cref="Sequential"/> for a stack of
/// layers; subclass <see cref="Model"/> and override <see cref="Call(Tensor[], bool)"/> for a dynamic model.
/// <c>Compile</c>, <c>Fit</c>, <c>Evaluate</c>, <c>Predict</c> and <c>Summary</c> live in the other parts of this class.
/// </summary>
public partial class Model : Layer
{
    /// <param name="name">The model's name; default <c>model</c>, <c>model_1</c>, … (a subclass: its snake_case type name).</param>
    public Model(string? name = null) : base(name) { }

    protected override string DefaultNamePrefix => GetType() == typeof(Model) ? "model" : base.DefaultNamePrefix;

    /// <summary>The model's layers, in order.</summary>
    public virtual IReadOnlyList<Layer> Layers => _graph?.Layers ?? TrackedLayers;

    private protected override IReadOnlyList<Layer> SubLayers => [];

    private protected override string Kind => "model";

    /// <summary>
    /// The storage of the tensors of one train / test / predict step, kept across Fit, Evaluate and Predict calls so a
    /// model that is trained or evaluated repeatedly (an epoch a call, a notebook cell at a time) reuses it.
    /// </summary>
    internal TensorArena StepArena { get; } = new();

    /// <summary>The array of Fit's shuffled orders, kept from call to call.</summary>
    internal OrderBuffer Orders { get; } = new();

    /// <summary>Set by a callback to end <c>Fit</c> after the current epoch (Keras's <c>stop_training</c>).</summary>
    public bool StopTraining { get; set; }

    /// <summary>The forward pass on a list of inputs; override it in a subclassed model.</summary>
    public virtual Tensor[] Call(Tensor[] inputs, bool training)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (_graph is not null) return _graph.Run(inputs, training);
        if (inputs.Length != 1)
            throw new ArgumentException($"Model \"{Name}\" expects 1 input, but it received {inputs.Length} input tensors.");
        return [Call(inputs[0], training)];
    }

    /// <summary>The forward pass on one input tensor (the model applies its layers in order by default).</summary>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        if (_graph is { Inputs.Length: 1, Outputs.Length: 1 }) return _graph.RunSingle(inputs, training);
        if (_graph is not null || OverridesMultiCall)
        {
            var outputs = InvokeMany([inputs], training);
            if (outputs.Length != 1)
                throw new InvalidOperationException($"Model \"{Name}\" has {outputs.Length} outputs; call Call(Tensor[], training) or Predict to get them all.");
            return outputs[0];
        }
        return CallLayers(inputs, training, null);
    }

    /// <summary>
    /// The forward pass of Fit, Evaluate and Predict on one array per input: one tensor per output, in
    /// <paramref name="outputs"/> (resized when needed) unless a subclassed model's <c>Call</c> makes its own list.
    /// With <paramref name="logits"/> (one slot per output), an output trained from its logits
    /// (<see cref="OutputHeads.FromLogits"/>) also gets them there: the tensor its last layer's activation applies to.
    /// </summary>
    internal Tensor[] Forward(Tensor[] x, bool training, ref Tensor[] outputs, Tensor?[]? logits)
    {
        if (_graph is { Inputs.Length: 1, Outputs.Length: 1 } || (_graph is null && !OverridesMultiCall))
        {
            if (x.Length != 1) throw new ArgumentException($"Layer \"{Name}\" expects 1 input(s), but it received {x.Length} input tensors.");
            var one = StepArrays.Sized(ref outputs, 1);
            one[0] = Forward(x[0], training, logits);
            return one;
        }
        if (_graph is { } graph) return graph.RunInto(x, StepArrays.Sized(ref outputs, graph.Outputs.Length), training, logits);
        return InvokeMany(x, training); // a subclassed model's Call returns its own list
    }

    /// <summary>The forward pass on one input array: builds on first use and checks the input.</summary>
    internal Tensor Forward(Tensor x, bool training, Tensor?[]? logits = null)
    {
        if (x.NDim == 0) throw new ArgumentException($"Model \"{Name}\" expects a batch of samples. Received a scalar.");
        if (DeclaredSampleShape() is { } sample && x.NDim == sample.Rank && x.Shape.Equals(sample) && !(sample.Rank == 1 && sample[0] == 1))
            throw new ArgumentException($"Input 0 of layer \"{Name}\" is incompatible with the layer: expected shape={KerasTensor.FormatWithBatch(sample)}, "
                + $"found shape={x.Shape}. That is one sample without its batch axis: pass a batch, e.g. x[..1] rather than x[0], or x.ExpandDims(0).");
        // Keras 2's expand_1d: a vector of n values is n samples of one feature (the Celsius-to-Fahrenheit tutorial
        // fits Dense(1, input_shape=[1]) on a 1-D array)
        if (x.NDim == 1) x = x.Reshape(x.Shape[0], 1);
        CheckDeclaredInput(x);
        if (!Built) { CheckUnbuiltInput(x); EnsureBuilt(x); }
        if (logits is null || OutputActivation(0) is null) return Call(x, training);
        return _graph is { } graph ? graph.RunSingle(x, training, logits) : CallLayers(x, training, logits);
    }

    /// <summary>A stack's layers in order; with <paramref name="logits"/>, the last one's activation applied here, its input kept in logits[0].</summary>
    private Tensor CallLayers(Tensor x, bool training, Tensor?[]? logits)
    {
        var layers = Layers;
        int last = layers.Count - 1;
        if (StepProfile.Enabled) return CallLayersProfiled(x, training, logits);
        for (int i = 0; i < last; i++) x = layers[i].Invoke(x, training); // indexed: no boxed enumerator per step
        return last < 0 ? x : logits is null ? layers[last].Invoke(x, training) : layers[last].InvokeSplit(x, training, out logits[0]);
    }

    /// <summary><see cref="CallLayers"/> with each layer's call charged to its <see cref="StepProfile"/> section.</summary>
    private Tensor CallLayersProfiled(Tensor x, bool training, Tensor?[]? logits)
    {
        var layers = Layers;
        for (int i = 0; i < layers.Count; i++)
        {
            StepProfile.Section = StepProfile.LayerSection(i);
            long clock = StepProfile.Start();
            x = i < layers.Count - 1 || logits is null ? layers[i].Invoke(x, training) : layers[i].InvokeSplit(x, training, out logits[0]);
            StepProfile.Charge(StepProfile.Section, clock);
        }
        StepProfile.Section = StepProfile.Other;
        return x;
    }

    /// <summary>
    /// The activation the last layer of output <paramref name="output"/> ends in (a Dense or Activation layer of a
    /// Sequential or functional model), or null: a subclassed model's last operation is its own business.
    /// </summary>
    internal ActivationFunction? OutputActivation(int output)
    {
        Layer? last = GetType() == typeof(Sequential) ? (Layers.Count > 0 ? Layers[^1] : null)
            : GetType() == typeof(Model) && _graph is { } graph ? graph.OutputLayer(output) : null;
        return (last as IActivatedLayer)?.Activation;
    }

    /// <summary>The per-sample shape the model was declared with (a Sequential's input shape, a one-input functional
    /// model's input), or null.</summary>
    private Shape? DeclaredSampleShape()
    {
        if (this is Sequential s) return s.InputShape;
        if (_graph is { Inputs.Length: 1 } g) return g.Inputs[0].Shape;
        return null; // (a conditional expression would turn null into a Shape through the int[] conversion)
    }

    /// <summary>Checks data given to a model not built yet against what its layers already expect (nothing here).</summary>
    private protected virtual void CheckUnbuiltInput(Tensor x) { }

    /// <summary>Checks a batch against the per-sample shape the model was declared or built with (a functional
    /// model's graph checks its inputs itself; nothing here).</summary>
    private protected virtual void CheckDeclaredInput(Tensor x) { }

    /// <summary>Every weight layer by layer, each layer's in its own order (Keras's <c>model.weights</c>), whatever is frozen.</summary>
    public override IReadOnlyList<Variable> Weights => Distinct(Layers.SelectMany(l => l.Weights).Concat(TrackedVariables));

    public override IReadOnlyList<Variable> TrainableWeights =>
        Trainable ? Distinct(Layers.SelectMany(l => l.TrainableWeights).Concat(TrackedVariables.Where(v => v.Trainable))) : [];

    public override IReadOnlyList<Variable> NonTrainableWeights =>
        Trainable ? Distinct(Layers.SelectMany(l => l.NonTrainableWeights).Concat(TrackedVariables.Where(v => !v.Trainable)))
                  : Distinct(Layers.SelectMany(l => l.Weights).Concat(TrackedVariables));

    public override Tensor? RegularizationLoss()
    {
        Tensor? total = null;
        var layers = Layers;
        for (int i = 0; i < layers.Count; i++)
            if (layers[i].RegularizationLoss() is { } r) total = total is null ? r : total + r;
        return total;
    }

    /// <summary>A layer of this model by name.</summary>
    public Layer GetLayer(string name) =>
        Layers.FirstOrDefault(l => l.Name == name) ?? throw new ArgumentException($"No such layer: {name}. Existing layers are: [{string.Join(", ", Layers.Select(l => $"'{l.Name}'"))}].");

}
