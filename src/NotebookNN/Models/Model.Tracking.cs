using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using NotebookNN.Layers;

namespace NotebookNN;

public partial class Model
{
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> TrackedFields = new();
    private static readonly ConcurrentDictionary<Type, bool> MultiCallOverrides = new();

    /// <summary>
    /// The layers a subclassed model holds in its fields (directly or in lists / arrays of layers), found by
    /// reflection over the fields declared below <see cref="Model"/> (cached per type), in declaration order.
    /// </summary>
    private protected IReadOnlyList<Layer> TrackedLayers =>
        Distinct(FieldValues().SelectMany(v => v switch
        {
            Layer l => [l],
            IEnumerable e and not Tensor => e.OfType<Layer>(),
            _ => [],
        }));

    /// <summary>The variables a subclassed model holds in its fields (directly or in lists).</summary>
    private protected IReadOnlyList<Variable> TrackedVariables =>
        _graph is not null || this is Sequential ? [] : Distinct(FieldValues().SelectMany(v => v switch
        {
            Variable w => [w],
            IEnumerable e and not Tensor => e.OfType<Variable>(),
            _ => [],
        }));

    /// <summary>Whether the model's type overrides <see cref="Call(Tensor[], bool)"/> (a subclassed model).</summary>
    private protected bool OverridesMultiCall => MultiCallOverrides.GetOrAdd(GetType(), t =>
        t.GetMethod(nameof(Call), [typeof(Tensor[]), typeof(bool)])!.DeclaringType != typeof(Model));

    private IEnumerable<object> FieldValues()
    {
        foreach (var f in TrackedFields.GetOrAdd(GetType(), FieldsOf))
            if (f.GetValue(this) is { } v && !ReferenceEquals(v, this)) yield return v;
    }

    private static FieldInfo[] FieldsOf(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(Model) && t != typeof(Sequential); t = t.BaseType) chain.Add(t);
        chain.Reverse();
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return chain.SelectMany(t => t.GetFields(flags)).Where(f => Tracks(f.FieldType)).ToArray();
    }

    /// <summary>Layer or Variable fields, and collections whose element type is one (<c>List&lt;Dense&gt;</c>, <c>Layer[]</c>).</summary>
    private static bool Tracks(Type t)
    {
        if (typeof(Layer).IsAssignableFrom(t) || typeof(Variable).IsAssignableFrom(t)) return true;
        var element = t.IsArray ? t.GetElementType() : t.GetInterfaces().Append(t)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is not null && (typeof(Layer).IsAssignableFrom(element) || typeof(Variable).IsAssignableFrom(element));
    }

    private static List<T> Distinct<T>(IEnumerable<T> items) where T : class =>
        items.Distinct(ReferenceEqualityComparer.Instance).Cast<T>().ToList();
}
