using System.Collections.Concurrent;
using NotebookNN.Layers;
using NotebookNN.Models;
using NotebookNN.Tensors;

namespace NotebookNN.Saving;

/// <summary>
/// Layer class names → types for loading: the library's layers, plus custom layers registered with
/// <see cref="Keras.Models.RegisterCustomLayer{T}"/> or passed to <see cref="Keras.Models.LoadModel"/> as <c>customObjects</c>.
/// </summary>
internal static class LayerRegistry
{
    private static readonly ConcurrentDictionary<string, Type> Custom = new();
    private static readonly Lazy<Dictionary<string, Type>> BuiltIn = new(() => typeof(Layer).Assembly.GetTypes()
        .Where(t => typeof(Layer).IsAssignableFrom(t) && !t.IsAbstract && !typeof(Model).IsAssignableFrom(t) && t.IsPublic)
        .ToDictionary(t => t.Name));

    public static void Register(Type type)
    {
        if (!typeof(Layer).IsAssignableFrom(type) || type.IsAbstract)
            throw new ArgumentException($"Only concrete Layer types can be registered as custom layers. Received: {type.FullName}");
        Custom[type.Name] = type;
    }

    public static Type Resolve(string className, IEnumerable<Type>? customObjects)
    {
        var local = customObjects?.FirstOrDefault(t => t.Name == className);
        if (local is not null) return local;
        if (Custom.TryGetValue(className, out var t) || BuiltIn.Value.TryGetValue(className, out t)) return t;
        throw new ArgumentException($"Unknown layer: '{className}'. Please ensure the class is registered with Keras.Models.RegisterCustomLayer<{className}>() " +
            "or passed in `customObjects` when loading.");
    }
}
