using System.Collections.Concurrent;
using NotebookNN.Layers;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    private static readonly ConcurrentDictionary<Type, bool> MultiCallOverrides = new();

    /// <summary>The layers a subclassed model holds in its fields (directly or in lists / arrays of layers), in declaration order.</summary>
    private protected IReadOnlyList<Layer> TrackedLayers => FieldTracker.Layers(this, typeof(Model), ref _trackedLayers);

    private FieldTracker.Memo? _trackedLayers;

    /// <summary>The variables a subclassed model holds in its fields (directly or in lists).</summary>
    private protected IReadOnlyList<Variable> TrackedVariables =>
        _graph is not null || this is Sequential ? [] : FieldTracker.Variables(this, typeof(Model));

    /// <summary>Whether the model's type overrides <see cref="Call(Tensor[], bool)"/> (a subclassed model).</summary>
    private protected bool OverridesMultiCall => _overridesMultiCall ??= MultiCallOverrides.GetOrAdd(GetType(), t =>
        t.GetMethod(nameof(Call), [typeof(Tensor[]), typeof(bool)])!.DeclaringType != typeof(Model));

    private bool? _overridesMultiCall;

    private static List<T> Distinct<T>(IEnumerable<T> items) where T : class =>
        items.Distinct(ReferenceEqualityComparer.Instance).Cast<T>().ToList();
}
