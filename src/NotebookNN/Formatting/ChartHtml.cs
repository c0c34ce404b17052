using System.Text;
using Plotly.NET;

namespace NotebookNN.Formatting;

/// <summary>
/// HTML for a Plotly.NET <see cref="GenericChart"/> in a notebook (Plotly.NET 6 brings no notebook formatter):
/// a <c>div</c> holding the chart's static SVG picture (<see cref="ChartSvg"/>, what viewers without JavaScript show)
/// and a script that replaces it with the interactive figure. By default plotly.js comes from the CDN through require.js, as
/// notebook front ends expect; with <see cref="Offline"/> the plotly.js that Plotly.NET carries is embedded once per
/// kernel session (the first chart shown carries it, later ones reuse <c>window.Plotly</c>).
/// </summary>
public static class ChartHtml
{
    private const string PlotlyVersion = "2.28.0";
    private static int _embedded;

    /// <summary>Embed plotly.js instead of loading it from the CDN (for notebooks without internet access).</summary>
    public static bool Offline { get; set; }

    /// <summary>The chart's HTML; <paramref name="embedPlotly"/> forces plotly.js inline (null: per <see cref="Offline"/>, once).</summary>
    public static string ToHtml(GenericChart chart, bool? embedPlotly = null)
    {
        string id = "nnn-" + Guid.NewGuid().ToString("N");
        string figure = Script(GenericChart.toFigureJson(chart));
        var sb = new StringBuilder();
        bool embed = embedPlotly ?? (Offline && Interlocked.Exchange(ref _embedded, 1) == 0);
        if (embed) sb.Append("<script type=\"text/javascript\">").Append(Embedded()).Append("</script>");
        sb.Append("<div id=\"").Append(id).Append("\">").Append(ChartSvg.Render(chart)).Append("</div><script type=\"text/javascript\">(function(){")
          .Append("var fig=").Append(figure).Append(";")
          .Append("var draw=function(P){var el=document.getElementById('").Append(id).Append("');el.innerHTML='';P.newPlot(el,fig.data,fig.layout,{responsive:true});};")
          .Append("if(window.Plotly){draw(window.Plotly);}")
          .Append("else if(typeof requirejs!=='undefined'){var r=requirejs.config({context:'notebooknn-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-")
          .Append(PlotlyVersion).Append(".min'}})||require;r(['plotly'],draw);}")
          .Append("else{var s=document.createElement('script');s.src='https://cdn.plot.ly/plotly-").Append(PlotlyVersion)
          .Append(".min.js';s.onload=function(){draw(window.Plotly);};document.head.appendChild(s);}")
          .Append("})();</script>");
        return sb.ToString();
    }

    /// <summary>Forgets that plotly.js was embedded (a new notebook session; for tests).</summary>
    internal static void ResetEmbedded() => Interlocked.Exchange(ref _embedded, 0);

    /// <summary>A standalone HTML page with plotly.js embedded (works offline).</summary>
    public static string ToStandalonePage(GenericChart chart) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + ToHtml(chart, embedPlotly: true) + "</body></html>";

    /// <summary>JSON made safe inside a script element (no <c>&lt;/script&gt;</c> can end it early).</summary>
    internal static string Script(string json) => json.Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026");

    /// <summary>Plotly.NET's bundled plotly.js, run with AMD/CommonJS hidden so it always sets <c>window.Plotly</c>.</summary>
    private static string Embedded()
    {
        using var s = typeof(GenericChart).Assembly.GetManifestResourceStream($"Plotly.NET.plotly-{PlotlyVersion}.min.js")
            ?? throw new InvalidOperationException($"plotly.js {PlotlyVersion} is not embedded in this Plotly.NET.");
        string js = new StreamReader(s).ReadToEnd().Replace("</script", "<\\/script");
        return "(function(define,module,exports){" + js + "\n}).call(window);";
    }
}
