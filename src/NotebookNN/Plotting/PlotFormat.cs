using System.Text.RegularExpressions;

namespace NotebookNN.Plotting;

/// <summary>
/// A matplotlib format string (<c>plt.plot(x, y, "bo")</c>) read as matplotlib reads it: at most one colour
/// (<c>b g r c m y k w</c> or <c>C0</c>…<c>C9</c>, or the whole string a colour such as <c>#ff7f0e</c> or <c>red</c>), one marker
/// (<c>. , o v ^ &lt; &gt; 1 2 3 4 8 s p P * h H + x X D d | _</c>) and one line style (<c>- -- -. :</c>), in any
/// order. Without a line style and a marker the line is solid; with a marker alone there is no line.
/// </summary>
/// <param name="Color">The colour as a CSS colour, or null for the next colour of the cycle.</param>
/// <param name="Marker">The matplotlib marker character, or null for none.</param>
/// <param name="LineStyle">The matplotlib line style, or null for no line.</param>
internal sealed partial record PlotFormat(string? Color, char? Marker, string? LineStyle)
{
    /// <summary>matplotlib's one-letter colours (<c>matplotlib.colors.BASE_COLORS</c>).</summary>
    private static readonly Dictionary<char, string> BaseColors = new()
    {
        ['b'] = "#0000ff", ['g'] = "#008000", ['r'] = "#ff0000", ['c'] = "#00bfbf",
        ['m'] = "#bf00bf", ['y'] = "#bfbf00", ['k'] = "#000000", ['w'] = "#ffffff",
    };

    /// <summary>matplotlib's default colour cycle, <c>C0</c>…<c>C9</c> (tab10); also Plotly's default colorway.</summary>
    public static IReadOnlyList<string> Cycle { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private const string Markers = ".,ov^<>12348spP*hH+xXDd|_";

    /// <summary>The CSS colour names matplotlib knows (<c>CSS4_COLORS</c>); a format that is one of them is that colour, as "red" is.</summary>
    private static readonly HashSet<string> Names = [.. (
        "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood " +
        "cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod " +
        "darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon " +
        "darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray " +
        "dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green " +
        "greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon " +
        "lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon " +
        "lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen " +
        "magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue " +
        "mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy " +
        "oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip " +
        "peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown " +
        "seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal " +
        "thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen ").Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Parses <paramref name="fmt"/>; an invalid one gets matplotlib's message.</summary>
    public static PlotFormat Parse(string fmt)
    {
        ArgumentNullException.ThrowIfNull(fmt);
        if (WholeColor().IsMatch(fmt) || Names.Contains(fmt)) return new(ColorOf(fmt), null, "-");
        string? color = null, line = null;
        char? marker = null;
        for (int i = 0; i < fmt.Length;)
        {
            char c = fmt[i];
            string two = fmt.Substring(i, Math.Min(2, fmt.Length - i));
            if (two is "--" or "-." || c is '-' or ':' or ' ')
            {
                if (line is not null) throw Invalid(fmt, "two linestyle symbols");
                line = two is "--" or "-." ? two : c.ToString();
                i += line.Length;
            }
            else if (Markers.Contains(c))
            {
                if (marker is not null) throw Invalid(fmt, "two marker symbols");
                marker = c; i++;
            }
            else if (BaseColors.ContainsKey(c))
            {
                if (color is not null) throw Invalid(fmt, "two color symbols");
                color = BaseColors[c]; i++;
            }
            else if (c == 'C')
            {
                var m = CycleColor().Match(fmt, i);
                if (!m.Success || m.Index != i) throw Invalid(fmt, $"unrecognized character '{c}'");
                color = ColorOf(m.Value); i += m.Length;
            }
            else throw Invalid(fmt, $"unrecognized character '{c}'");
        }
        if (line is null && marker is null) line = "-";
        return new(color, marker, line == " " ? null : line);
    }

    private static string ColorOf(string spec) =>
        spec[0] == 'C' ? Cycle[int.Parse(spec.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) % Cycle.Count]
        : spec.Length == 1 ? BaseColors[spec[0]] : spec.ToLowerInvariant();

    private static ArgumentException Invalid(string fmt, string why) => new(
        $"'{fmt}' is not a valid format string ({why}). A format string combines a color (b g r c m y k w, or C0 to C9), "
        + "a marker (. o v ^ < > s * + x D d p h) and a line style (- -- -. :), e.g. \"bo\" for blue circles or \"r--\" for a red dashed line.", "fmt");

    [GeneratedRegex(@"^(C\d+|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[bgrcmykw])$")]
    private static partial Regex WholeColor();

    [GeneratedRegex(@"C\d+")]
    private static partial Regex CycleColor();
}
