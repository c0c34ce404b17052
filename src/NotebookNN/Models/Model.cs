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

    /// <summary>
    /// The storage of the tensors of one train / test / predict step, kept across Fit, Evaluate and Predict calls so a
    /// model that is trained or evaluated repeatedly (an epoch a call, a notebook cell at a time) reuses it.
    /// </summary>
    internal TensorArena StepArena { get; } = new();

    private int[] _order = [];
    private int _orderInUse;

    /// <summary>
    /// An array for the epochs' random orders of n training samples: the one the model keeps from Fit call to Fit call
    /// (4 bytes a sample are not allocated again for every epoch), or a new one while another Fit holds it (a Fit
    /// run from a callback). Hand it back with <see cref="ReturnOrderBuffer"/>.
    /// </summary>
    internal int[] RentOrderBuffer(int n)
    {
        if (Interlocked.CompareExchange(ref _orderInUse, 1, 0) != 0) return new int[n];
        if (_order.Length != n) _order = new int[n];
        return _order;
    }

    internal void ReturnOrderBuffer(int[] order)
    {
        if (ReferenceEquals(order, _order)) Volatile.Write(ref _orderInUse, 0);
    }

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
        var x = inputs;
        var layers = Layers;
        for (int i = 0; i < layers.Count; i++) x = layers[i].Invoke(x, training); // indexed: no boxed enumerator per step
        return x;
    }

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
