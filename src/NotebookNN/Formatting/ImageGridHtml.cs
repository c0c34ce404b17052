using System.Globalization;
using System.Text;
using NotebookNN.Plotting;

namespace NotebookNN.Formatting;

/// <summary>An <see cref="ImageGrid"/> as HTML: a CSS grid of PNG data URIs, each with its title under it and sharp pixels.</summary>
internal static class ImageGridHtml
{
    public static string Render(ImageGrid g)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<div class=\"nnn-images\" style=\"display:grid;grid-template-columns:repeat(")
          .Append(g.Columns.ToString(inv)).Append(',').Append(g.Size.ToString(inv))
          .Append("px);gap:8px;font-family:sans-serif;font-size:12px\">");
        foreach (var t in g.Tiles)
        {
            int h = (int)Math.Round((double)g.Size * t.Height / t.Width);
            sb.Append("<figure style=\"margin:0;text-align:center\"><img src=\"").Append(PngEncoder.DataUri(t.Png))
              .Append("\" width=\"").Append(g.Size.ToString(inv)).Append("\" height=\"").Append(h.ToString(inv))
              .Append("\" style=\"image-rendering:pixelated\" alt=\"").Append(Html.Escape(t.Title ?? "")).Append("\"/>");
            if (t.Title is not null) sb.Append("<figcaption>").Append(Html.Escape(t.Title)).Append("</figcaption>");
            sb.Append("</figure>");
        }
        return sb.Append("</div>").ToString();
    }
}
