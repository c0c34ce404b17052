using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Finds the layers and variables a user's layer or model holds in its fields, directly or in collections of them
/// (<c>List&lt;Dense&gt;</c>, <c>Layer[]</c>), so subclasses need no registration code (Keras's attribute tracking).
/// Fields are found once per type by reflection, over the types declared below the library's base class.
/// </summary>
internal static class FieldTracker
{
    private static readonly ConcurrentDictionary<(Type, Type), FieldInfo[]> Cache = new();

    /// <summary>The layers held in <paramref name="owner"/>'s fields (below <paramref name="stopAt"/>), in declaration order, each once.</summary>
    public static List<Layer> Layers(object owner, Type stopAt) => Collect<Layer>(owner, stopAt);

    /// <summary>
    /// <see cref="Layers(object, Type)"/>, remembered in <paramref name="memo"/> and given again while every tracked field
    /// still holds the same object: a training step asks for a subclassed model's layers (for their regularization
    /// losses) every step. Fields that hold collections are never remembered (a list can change without its field
    /// changing).
    /// </summary>
    public static IReadOnlyList<Layer> Layers(object owner, Type stopAt, ref Memo? memo)
    {
        var fields = Cache.GetOrAdd((owner.GetType(), stopAt), k => FieldsOf(k.Item1, k.Item2));
        if (memo is { } m && ReferenceEquals(m.Fields, fields) && m.Matches(owner)) return m.Layers;
        var layers = Collect<Layer>(owner, stopAt);
        memo = fields.All(f => !IsCollection(f.FieldType)) ? new Memo(fields, fields.Select(f => f.GetValue(f.IsStatic ? null : owner)).ToArray(), layers) : null;
        return layers;
    }

    /// <summary>The tracked fields' values when <see cref="Layers"/> were collected.</summary>
    internal sealed class Memo(FieldInfo[] fields, object?[] values, List<Layer> layers)
    {
        public readonly FieldInfo[] Fields = fields;
        public readonly List<Layer> Layers = layers;

        public bool Matches(object owner)
        {
            for (int i = 0; i < Fields.Length; i++)
                if (!ReferenceEquals(Fields[i].GetValue(Fields[i].IsStatic ? null : owner), values[i])) return false;
            return true;
        }
    }

    private static bool IsCollection(Type t) => !typeof(Layer).IsAssignableFrom(t) && !typeof(Variable).IsAssignableFrom(t);

    /// <summary>The variables held in <paramref name="owner"/>'s fields, in declaration order, each once.</summary>
    public static List<Variable> Variables(object owner, Type stopAt) => Collect<Variable>(owner, stopAt);

    private static List<T> Collect<T>(object owner, Type stopAt) where T : class
    {
        var found = new List<T>();
        foreach (var f in Cache.GetOrAdd((owner.GetType(), stopAt), k => FieldsOf(k.Item1, k.Item2)))
        {
            var value = f.GetValue(f.IsStatic ? null : owner);
            if (value is null || ReferenceEquals(value, owner)) continue;
            if (value is T item) found.Add(item);
            else if (value is IEnumerable e and not Tensor) found.AddRange(e.OfType<T>().Where(x => !ReferenceEquals(x, owner)));
        }
        return found.Distinct(ReferenceEqualityComparer.Instance).Cast<T>().ToList();
    }

    private static FieldInfo[] FieldsOf(Type type, Type stopAt)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != stopAt && t.Assembly != typeof(Layer).Assembly; t = t.BaseType) chain.Add(t);
        chain.Reverse();
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return chain.SelectMany(t => t.GetFields(flags)).Where(f => Tracks(f.FieldType)).ToArray();
    }

    /// <summary>Layer or Variable fields, and collections whose element type is one.</summary>
    private static bool Tracks(Type t)
    {
        if (typeof(Layer).IsAssignableFrom(t) || typeof(Variable).IsAssignableFrom(t)) return true;
        var element = t.IsArray ? t.GetElementType() : t.GetInterfaces().Append(t)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is not null && (typeof(Layer).IsAssignableFrom(element) || typeof(Variable).IsAssignableFrom(element));
    }
}
