namespace NotebookNN.Plotting;

/// <summary>
/// matplotlib's colormaps by name (<c>gray</c>, <c>gray_r</c>, <c>binary</c>, <c>viridis</c>) as 256-entry lookup
/// tables, indexed as matplotlib does: a value <c>x</c> in [0, 1] takes entry <c>min(floor(x·256), 255)</c>.
/// </summary>
public sealed class Colormap
{
    private readonly byte[] _lut; // 256 × RGB

    private Colormap(string name, byte[] lut) { Name = name; _lut = lut; }

    /// <summary>The colormap's matplotlib name.</summary>
    public string Name { get; }

    /// <summary>The names accepted by <see cref="Get"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gray", "gray_r", "binary", "viridis"];

    // viridis at 0, 1/8, …, 1 (matplotlib's published colours); entries between are linear in RGB.
    private static readonly int[] ViridisAnchors =
        [0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725];

    /// <summary>The colormap called <paramref name="name"/>.</summary>
    public static Colormap Get(string name) => name switch
    {
        "gray" or "grey" => new(name, Build(i => (i, i, i))),
        "gray_r" or "grey_r" or "binary" => new(name, Build(i => (255 - i, 255 - i, 255 - i))),
        "viridis" => new(name, Build(Viridis)),
        _ => throw new ArgumentException($"'{name}' is not a valid value for cmap; supported values are {string.Join(", ", Names.Select(n => $"'{n}'"))}", nameof(name)),
    };

    /// <summary>The RGB colour of <paramref name="x"/> in [0, 1] (clipped; NaN maps to black-transparent's RGB, 0).</summary>
    public (byte R, byte G, byte B) Map(double x)
    {
        if (double.IsNaN(x)) return (0, 0, 0);
        int i = (int)Math.Clamp(Math.Floor(x * 256), 0, 255);
        return (_lut[3 * i], _lut[3 * i + 1], _lut[3 * i + 2]);
    }

    private static byte[] Build(Func<int, (int R, int G, int B)> f)
    {
        var lut = new byte[768];
        for (int i = 0; i < 256; i++) { var (r, g, b) = f(i); lut[3 * i] = (byte)r; lut[3 * i + 1] = (byte)g; lut[3 * i + 2] = (byte)b; }
        return lut;
    }

    private static (int, int, int) Viridis(int i)
    {
        double pos = i / 255.0 * 8;
        int k = Math.Min((int)pos, 7);
        double f = pos - k;
        int a = ViridisAnchors[k], b = ViridisAnchors[k + 1];
        int Lerp(int shift) => (int)Math.Round(((a >> shift) & 255) * (1 - f) + ((b >> shift) & 255) * f);
        return (Lerp(16), Lerp(8), Lerp(0));
    }
}
