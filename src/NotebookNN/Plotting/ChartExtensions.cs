using System.Collections;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace NotebookNN.Plotting;

/// <summary>
/// matplotlib's <c>plt.title</c> / <c>plt.xlabel</c> / <c>plt.ylabel</c> for any Plotly.NET chart, fluently:
/// <c>history.Plot().WithTitle("Training and validation loss").WithYLabel("Loss")</c>. (Plotly.NET.CSharp, referenced
/// by this package, adds <c>WithSize</c>, <c>WithLegend</c>, <c>WithXAxisStyle</c> and friends under
/// <c>using Plotly.NET.CSharp;</c>; it has no title.) Each returns a new chart; the original is left as it was.
/// </summary>
public static class ChartExtensions
{
    /// <summary>The chart with <paramref name="title"/> above it.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title) =>
        GenericChart.setLayout(Edit(chart, layout => layout.SetProperty("title", TitleOf(title))), chart);

    /// <summary>The chart with every x axis (one per panel) labelled <paramref name="label"/>.</summary>
    public static GenericChart WithXLabel(this GenericChart chart, string label) => WithAxisTitle(chart, "xaxis", label);

    /// <summary>The chart with every y axis (one per panel) labelled <paramref name="label"/>.</summary>
    public static GenericChart WithYLabel(this GenericChart chart, string label) => WithAxisTitle(chart, "yaxis", label);

    private static GenericChart WithAxisTitle(GenericChart chart, string prefix, string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return GenericChart.setLayout(Edit(chart, layout =>
        {
            var axes = layout.GetPropertyNames(false).Where(n => IsAxis(n, prefix)).ToList();
            if (axes.Count == 0) axes.Add(prefix);
            foreach (var name in axes) layout.SetProperty(name, Titled(layout.TryGetPropertyValue(name), label));
        }), chart);
    }

    private static bool IsAxis(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && name[prefix.Length..].All(char.IsAsciiDigit);

    /// <summary>A copy of the chart's layout with <paramref name="edit"/> applied.</summary>
    private static Layout Edit(GenericChart chart, Action<Layout> edit)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var copy = new Layout();
        GenericChart.getLayout(chart).ShallowCopyDynamicPropertiesTo(copy, null);
        edit(copy);
        return copy;
    }

    /// <summary>A copy of an axis (Plotly.NET's <see cref="LinearAxis"/> or a plain dictionary) with its title set.</summary>
    private static LinearAxis Titled(Microsoft.FSharp.Core.FSharpOption<object>? axis, string label)
    {
        var copy = new LinearAxis();
        switch (axis?.Value)
        {
            case DynamicObj.DynamicObj d: d.ShallowCopyDynamicPropertiesTo(copy, null); break;
            case IDictionary dict: foreach (DictionaryEntry e in dict) copy.SetProperty((string)e.Key, e.Value!); break;
        }
        copy.SetProperty("title", TitleOf(label));
        return copy;
    }

    internal static Title TitleOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = new Title();
        t.SetProperty("text", text);
        return t;
    }
}
