using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Plotting;

namespace NotebookNN.Tests.Plotting;

public class ImagePlotTests
{
    private static List<(byte[] Png, string? Title)> Figures(string html) =>
        [.. Regex.Matches(html, "<figure[^>]*><img src=\"data:image/png;base64,([^\"]+)\"[^>]*/>(?:<figcaption>(.*?)</figcaption>)?</figure>")
            .Select(m => (Convert.FromBase64String(m.Groups[1].Value), m.Groups[2].Success ? m.Groups[2].Value : null))];

    /// <summary>imshow's default scaling in float64: (v - min) / (max - min), LUT index min(floor(x·256), 255).</summary>
    private static int GrayIndex(double v, double lo, double hi) => (int)Math.Min(Math.Floor((v - lo) / (hi - lo) * 256), 255);

    [Fact]
    public void Grid_pngs_decode_to_the_scaled_gray_pixels_with_titles()
    {
        int n = 3, h = 4, w = 5;
        var values = Enumerable.Range(0, n * h * w).Select(i => (float)Math.Sin(i * 0.7) * 10 + i % 7).ToArray();
        var t = Tensor.From(values, new Shape(n, h, w));
        var grid = Plot.Images(t, cmap: "gray", labels: ["zero", "one", "a<b&c"], columns: 2, size: 50);
        var html = grid.ToDisplayString("text/html");
        var figs = Figures(html);
        Assert.Equal(3, figs.Count);
        Assert.Equal(["zero", "one", "a&lt;b&amp;c"], figs.Select(f => f.Title));
        Assert.Contains("repeat(2,50px)", html);
        for (int k = 0; k < n; k++)
        {
            var (pw, ph, ch, px) = PngDecoder.Decode(figs[k].Png);
            Assert.Equal((w, h), (pw, ph));
            var img = values.Skip(k * h * w).Take(h * w).Select(v => (double)v).ToArray();
            double lo = img.Min(), hi = img.Max();
            for (int i = 0; i < h * w; i++)
                for (int c = 0; c < 3; c++) Assert.Equal(GrayIndex(img[i], lo, hi), px[i * ch + c]);
        }
    }

    [Fact]
    public void Binary_and_gray_r_invert_and_rgb_is_taken_as_is()
    {
        var t = Tensor.From(new float[,] { { 0f, 1f }, { 0.5f, 0.25f } });
        var (_, _, ch, inv) = PngDecoder.Decode(Plot.Image(t, cmap: "binary").Tiles[0].Png);
        Assert.Equal([255, 0, 127, 191], Enumerable.Range(0, 4).Select(i => (int)inv[i * ch]));
        Assert.Equal(inv, PngDecoder.Decode(Plot.Image(t, cmap: "gray_r").Tiles[0].Png).Pixels);

        float[] rgb = [1f, 0f, 0f, 0f, 0.5f, 1f]; // (1, 2, 3) in 0..1
        var (w, h, c3, p) = PngDecoder.Decode(Plot.Image(Tensor.From(rgb, new Shape(1, 2, 3))).Tiles[0].Png);
        Assert.Equal((2, 1), (w, h));
        Assert.Equal([255, 0, 0, 0, 128, 255], new[] { 0, 1, 2, c3, c3 + 1, c3 + 2 }.Select(i => (int)p[i]));
        float[] rgb255 = [200f, 10f, 0f]; // 0..255 values, as uint8 images
        var p255 = PngDecoder.Decode(Plot.Image(Tensor.From(rgb255, new Shape(1, 1, 3))).Tiles[0].Png).Pixels;
        Assert.Equal([200, 10, 0], p255.Take(3).Select(b => (int)b));
    }

    [Fact]
    public void Viridis_runs_from_purple_to_yellow()
    {
        var t = Tensor.From(new float[] { 0f, 0.5f, 1f }, new Shape(1, 3));
        var (_, _, ch, p) = PngDecoder.Decode(Plot.Image(t, cmap: "viridis").Tiles[0].Png);
        Assert.Equal([0x44, 0x01, 0x54], p.Take(3).Select(b => (int)b));          // matplotlib viridis(0)
        Assert.Equal([0xfd, 0xe7, 0x25], p.Skip(2 * ch).Take(3).Select(b => (int)b)); // viridis(1)
        // viridis(0.5) is #21918c; index 128 sits just past the middle anchor.
        Assert.InRange(p[ch], 0x1f, 0x23); Assert.InRange(p[ch + 1], 0x90, 0x93); Assert.InRange(p[ch + 2], 0x8b, 0x8d);
    }

    [Fact]
    public void Bad_input_is_rejected_naming_what_was_received()
    {
        var ex = Assert.Throws<ArgumentException>(() => Plot.Images(Tensor.Zeros(new Shape(2, 3))));
        Assert.Contains("(2, 3)", ex.Message);
        var cm = Assert.Throws<ArgumentException>(() => Plot.Images(Tensor.Zeros(new Shape(2, 3, 3)), cmap: "jet"));
        Assert.Contains("'jet'", cm.Message);
        var lab = Assert.Throws<ArgumentException>(() => Plot.Images(Tensor.Zeros(new Shape(2, 3, 3)), labels: ["a"]));
        Assert.Contains("1 labels", lab.Message);
        Assert.Throws<ArgumentException>(() => Plot.Image(Tensor.Zeros(new Shape(2, 3, 4))));
    }
}
