using System.Text.Json;

namespace NotebookNN.Plotting;

/// <summary>Reading a Plotly figure's JSON (<c>GenericChart.toFigureJson</c>): a property of the expected kind, else nothing.</summary>
internal static class FigureJson
{
    /// <summary>The object under <paramref name="key"/>, else the default element.</summary>
    public static JsonElement Obj(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Object ? v : default;

    public static string? Str(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static double? Num(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static bool? Bool(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    /// <summary>The length of the array under <paramref name="key"/>, else null.</summary>
    public static int? Length(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array ? v.GetArrayLength() : null;

    /// <summary>An element's <c>title</c> as Plotly writes it, a string or <c>{"text": ...}</c> (rich text as given).</summary>
    public static string? Title(JsonElement e) =>
        e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("title", out var t) ? null
        : t.ValueKind == JsonValueKind.String ? t.GetString()
        : Str(t, "text");
}
