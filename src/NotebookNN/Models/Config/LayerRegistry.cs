using NotebookNN.Layers;
using NotebookNN.Registries;

namespace NotebookNN.Models;

/// <summary>
/// Layer class names → types for loading: the library's layers, plus custom layers registered with
/// <see cref="Keras.Models.RegisterCustomLayer{T}"/> or passed to <see cref="Keras.Models.LoadModel"/> as <c>customObjects</c>.
/// Class names match exactly, as Keras's do.
/// </summary>
internal static class LayerRegistry
{
    internal static readonly Registry<Type> Names = BuiltIn(Registry<Type>.CaseSensitive(
        name => $"Unknown layer: '{name}'.",
        name => $"Please ensure the class is registered with Keras.Models.RegisterCustomLayer<{name}>() or passed in `customObjects` when loading."));

    private static Registry<Type> BuiltIn(Registry<Type> registry)
    {
        foreach (var t in typeof(Layer).Assembly.GetTypes()
            .Where(t => typeof(Layer).IsAssignableFrom(t) && !t.IsAbstract && !typeof(Model).IsAssignableFrom(t) && t.IsPublic)
            .OrderBy(t => t.Name, StringComparer.Ordinal))
            registry.Add(t, t.Name);
        return registry;
    }

    public static void Register(Type type)
    {
        if (!typeof(Layer).IsAssignableFrom(type) || type.IsAbstract)
            throw new ArgumentException($"Only concrete Layer types can be registered as custom layers. Received: {type.FullName}");
        Names.Add(type, type.Name);
    }

    public static Type Resolve(string className, IEnumerable<Type>? customObjects) =>
        customObjects?.FirstOrDefault(t => t.Name == className) ?? Names.Resolve(className);
}
