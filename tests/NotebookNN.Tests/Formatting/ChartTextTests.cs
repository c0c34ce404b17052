using NotebookNN.Callbacks;
using NotebookNN.Formatting;
using NotebookNN.Plotting;
using Plotly.NET;
using NotebookNN.Plotting;

namespace NotebookNN.Tests.Formatting;

public class ChartTextTests
{
    [Fact]
    public void A_history_chart_is_named_by_its_curves_and_their_lengths()
    {
        var h = new History();
        h.OnTrainBegin(new Dictionary<string, double>());
        for (int e = 0; e < 4; e++)
            h.OnEpochEnd(e, new Dictionary<string, double> { ["loss"] = 1.0 / (e + 1), ["val_loss"] = 1.5 / (e + 1), ["accuracy"] = 0.1 * e });
        // the curves History.Plot draws: each recorded key over the 4 epochs
        var expected = h.History.Keys.Select(k => $"{k} (4 points)").Order().ToList();
        string text = ChartText.Describe(h.Plot());
        Assert.StartsWith("Chart", text);
        Assert.DoesNotContain("\n", text);
        var named = text[(text.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split(", ").Order().ToList();
        Assert.Equal(expected, named);
    }

    [Fact]
    public void Title_unnamed_traces_and_an_empty_chart()
    {
        var named = new Trace2D("scatter");
        named.SetProperty("name", "series");
        named.SetProperty("x", new[] { 1, 2, 3 });
        named.SetProperty("y", new[] { 4, 5, 6 });
        var unnamed = new Trace2D("bar");
        unnamed.SetProperty("y", new[] { 2.0 });
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = "Fit" });
        var titled = GenericChart.addLayout(layout, GenericChart.ofTraceObjects(true, Microsoft.FSharp.Collections.ListModule.OfSeq(new Trace[] { named, unnamed })));
        Assert.Equal("Chart \"Fit\": series (3 points), bar (1 point)", ChartText.Describe(titled));
        Assert.Equal("Chart: no traces", ChartText.Describe(GenericChart.ofTraceObjects(true, Microsoft.FSharp.Collections.FSharpList<Trace>.Empty)));
    }
}
