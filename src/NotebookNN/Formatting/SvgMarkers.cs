using System.Text;

namespace NotebookNN.Formatting;

/// <summary>SVG shapes for Plotly's marker symbols (the ones matplotlib's markers map to; others draw as circles).</summary>
internal static class SvgMarkers
{
    /// <summary>The marker <paramref name="symbol"/> of diameter <paramref name="size"/> centred at (x, y), in <paramref name="color"/>.</summary>
    public static string Shape(string symbol, double x, double y, double size, string color)
    {
        double r = size / 2;
        string fill = $" fill=\"{Html.Escape(color)}\"", stroke = $" fill=\"none\" stroke=\"{Html.Escape(color)}\" stroke-width=\"1.5\"";
        return symbol switch
        {
            "square" => $"<rect x=\"{F(x - r)}\" y=\"{F(y - r)}\" width=\"{F(size)}\" height=\"{F(size)}\"{fill}/>",
            "diamond" => Polygon(x, y, r * 1.2, r * 1.2, 4, 0, fill),
            "diamond-tall" => Polygon(x, y, r * 0.8, r * 1.3, 4, 0, fill),
            "triangle-up" => Polygon(x, y, r * 1.15, r * 1.15, 3, 0, fill),
            "triangle-down" => Polygon(x, y, r * 1.15, r * 1.15, 3, 180, fill),
            "triangle-left" => Polygon(x, y, r * 1.15, r * 1.15, 3, 270, fill),
            "triangle-right" => Polygon(x, y, r * 1.15, r * 1.15, 3, 90, fill),
            "pentagon" => Polygon(x, y, r * 1.1, r * 1.1, 5, 0, fill),
            "hexagon" => Polygon(x, y, r * 1.1, r * 1.1, 6, 0, fill),
            "hexagon2" => Polygon(x, y, r * 1.1, r * 1.1, 6, 30, fill),
            "octagon" => Polygon(x, y, r * 1.05, r * 1.05, 8, 22.5, fill),
            "star" => Star(x, y, r * 1.3, fill),
            "cross" or "cross-thin" => Strokes(stroke, (x - r, y, x + r, y), (x, y - r, x, y + r)),
            "x" or "x-thin" => Strokes(stroke, (x - r, y - r, x + r, y + r), (x - r, y + r, x + r, y - r)),
            "line-ns" => Strokes(stroke, (x, y - r, x, y + r)),
            "line-ew" => Strokes(stroke, (x - r, y, x + r, y)),
            "y-up" or "y-down" or "y-left" or "y-right" => Tri(x, y, r, symbol, stroke),
            _ => $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r)}\"{fill}/>",
        };
    }

    /// <summary>A regular polygon with <paramref name="n"/> corners, the first at <paramref name="rotation"/> degrees clockwise from up.</summary>
    private static string Polygon(double x, double y, double rx, double ry, int n, double rotation, string paint)
    {
        var points = Enumerable.Range(0, n).Select(k =>
        {
            double a = (rotation + 360.0 * k / n) * Math.PI / 180;
            return $"{F(x + rx * Math.Sin(a))},{F(y - ry * Math.Cos(a))}";
        });
        return $"<polygon points=\"{string.Join(' ', points)}\"{paint}/>";
    }

    private static string Star(double x, double y, double r, string paint)
    {
        var points = Enumerable.Range(0, 10).Select(k =>
        {
            double a = k * Math.PI / 5, rr = k % 2 == 0 ? r : r * 0.4;
            return $"{F(x + rr * Math.Sin(a))},{F(y - rr * Math.Cos(a))}";
        });
        return $"<polygon points=\"{string.Join(' ', points)}\"{paint}/>";
    }

    /// <summary>matplotlib's tri markers: three spokes from the centre, one pointing the symbol's way.</summary>
    private static string Tri(double x, double y, double r, string symbol, string paint)
    {
        double start = symbol switch { "y-up" => 0, "y-down" => 180, "y-left" => 270, _ => 90 };
        return Strokes(paint, [.. Enumerable.Range(0, 3).Select(k =>
        {
            double a = (start + 120 * k) * Math.PI / 180;
            return (x, y, x + r * Math.Sin(a), y - r * Math.Cos(a));
        })]);
    }

    private static string Strokes(string paint, params (double X1, double Y1, double X2, double Y2)[] segments)
    {
        var d = new StringBuilder();
        foreach (var (x1, y1, x2, y2) in segments) d.Append('M').Append(F(x1)).Append(',').Append(F(y1)).Append('L').Append(F(x2)).Append(',').Append(F(y2));
        return $"<path d=\"{d}\"{paint}/>";
    }

    private static string F(double v) => Svg.Num(v);
}
