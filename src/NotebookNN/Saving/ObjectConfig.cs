using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookNN.Layers;

namespace NotebookNN.Saving;

/// <summary>
/// Recreates objects from Keras-style configs by reflection: the public constructor whose parameters the config
/// names (snake_case keys: <c>use_bias</c> → <c>useBias</c>) is called, converting JSON numbers, strings, booleans and
/// arrays, and strings or numbers to types with an implicit conversion from them (activations, initializers,
/// learning rates). Parameters missing from the config keep their defaults.
/// </summary>
internal static class ObjectConfig
{
    /// <summary>Constructs <paramref name="type"/> from <paramref name="config"/>; <paramref name="what"/> names it in errors.</summary>
    public static object Construct(Type type, JsonObject config, string what)
    {
        var ctors = type.GetConstructors().OrderByDescending(c => c.GetParameters().Count(p => config.ContainsKey(Key(p))));
        foreach (var ctor in ctors)
        {
            var ps = ctor.GetParameters();
            if (ps.Any(p => !config.ContainsKey(Key(p)) && !p.HasDefaultValue)) continue;
            var args = ps.Select(p => config.TryGetPropertyValue(Key(p), out var node) ? Convert(node, p.ParameterType, $"{what}.{Key(p)}") : p.DefaultValue).ToArray();
            try { return ctor.Invoke(args); }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new ArgumentException($"Could not recreate {what} ({type.Name}) from its config {config.ToJsonString()}: {e.InnerException.Message}", e.InnerException);
            }
        }
        throw new ArgumentException($"Could not recreate {what} ({type.Name}): no public constructor takes the config keys [{string.Join(", ", config.Select(kv => kv.Key))}]. " +
            "A custom layer's GetConfig() must return its constructor arguments (snake_case names).");
    }

    /// <summary>The constructor arguments an object exposes as properties of the same (PascalCase) name, as snake_case keys.</summary>
    public static JsonObject FromProperties(object o)
    {
        var result = new JsonObject();
        var ctor = o.GetType().GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        foreach (var p in ctor.GetParameters())
        {
            var prop = o.GetType().GetProperty(char.ToUpperInvariant(p.Name![0]) + p.Name[1..]);
            if (prop?.GetValue(o) is not { } value) continue;
            if (value is double or float or int or long or bool or string or int[] or double[])
                result[Key(p)] = JsonSerializer.SerializeToNode(value);
        }
        return result;
    }

    private static string Key(ParameterInfo p) => LayerNames.SnakeCase(p.Name!);

    private static object? Convert(JsonNode? node, Type type, string what)
    {
        if (node is null) return null;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (t.IsPrimitive || t == typeof(string) || t.IsArray || t == typeof(decimal)) return node.Deserialize(t);
            var kind = node.GetValueKind();
            var source = kind == JsonValueKind.String ? typeof(string) : kind == JsonValueKind.Number ? typeof(double) : null;
            var op = source is null ? null : t.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == "op_Implicit" && m.ReturnType == t && m.GetParameters()[0].ParameterType == source);
            if (op is not null) return op.Invoke(null, [node.Deserialize(source!)]);
            return node.Deserialize(t);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or TargetInvocationException)
        {
            throw new ArgumentException($"Cannot read {what}: expected a value of type {t.Name}, found {node.ToJsonString()}.", e);
        }
    }
}
