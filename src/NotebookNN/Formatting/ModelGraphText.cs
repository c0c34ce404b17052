using System.Text;

namespace NotebookNN.Formatting;

/// <summary>
/// The plain-text form of a model plot: one line per box, its title, its cells and the layers it takes its inputs
/// from, e.g. <c>dense_1 (Dense)  Input shape: (None, 30) | Output shape: (None, 30)  &lt;- dense</c>.
/// </summary>
internal static class ModelGraphText
{
    public static string Render(ModelGraph graph, bool showLayerNames)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < graph.Boxes.Count; i++)
        {
            var box = graph.Boxes[i];
            sb.Append(box.Title(showLayerNames));
            if (box.Cells.Count > 0) sb.Append("  ").Append(string.Join(" | ", box.Cells));
            var from = graph.Edges.Where(e => e.To == i).Select(e => graph.Boxes[e.From].Name).ToList();
            if (from.Count > 0) sb.Append("  <- ").Append(string.Join(", ", from));
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
