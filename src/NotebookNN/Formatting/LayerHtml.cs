using System.Text;
using NotebookNN.Layers;
using NotebookNN.Models;

namespace NotebookNN.Formatting;

/// <summary>
/// A layer as a notebook cell's value: Keras 3's repr (<c>&lt;Dense name=dense, built=True&gt;</c>) above a table of
/// its weights (name within the layer, shape, trainable, size), instead of the default tree that prints every weight's values. A model
/// (also a layer) keeps its summary.
/// </summary>
internal static class LayerHtml
{
    public static string Render(Layer layer)
    {
        if (layer is Model m) return SummaryHtml.Render(m);
        var sb = new StringBuilder(Html.TableStyle)
            .Append("<style>table.nnn-weights td:first-child,table.nnn-weights th:first-child{text-align:left}</style><div><code>").Append(Html.Escape(layer.ToString())).Append("</code>");
        if (layer.Weights.Count > 0)
        {
            sb.Append("<table class=\"nnn nnn-weights\"><thead>");
            Html.Row(sb, "th", ["weight", "shape", "trainable", "size"]);
            sb.Append("</thead><tbody>");
            foreach (var w in layer.Weights)
                Html.Row(sb, "td", [w.Name[(w.Name.LastIndexOf('/') + 1)..], w.Shape.ToString(), w.Trainable ? "yes" : "no", Html.Count(w.Size)]);
            sb.Append("</tbody></table>");
        }
        return sb.Append("</div>").ToString();
    }

    /// <summary>Keras 3's repr for a layer; a model's plain text stays its summary.</summary>
    public static string PlainText(Layer layer) => layer is Model m ? SummaryHtml.PlainText(m) : layer.ToString();
}
