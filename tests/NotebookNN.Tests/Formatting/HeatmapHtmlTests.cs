using System.Text.RegularExpressions;
using NotebookNN.Formatting;

namespace NotebookNN.Tests.Formatting;

public class HeatmapHtmlTests
{
    [Fact]
    public void Cells_carry_counts_and_colour_from_min_to_max()
    {
        var html = HeatmapHtml.Render(["cat", "d<g"], new double[,] { { 5, 0 }, { 1, 9 } });
        var cells = Regex.Matches(html, "<td style=\"background:#([0-9a-f]{6});color:(#[0-9a-f]+)\">(.*?)</td>")
            .Select(m => (Bg: m.Groups[1].Value, Fg: m.Groups[2].Value, Text: m.Groups[3].Value)).ToList();
        Assert.Equal(["5", "0", "1", "9"], cells.Select(c => c.Text));
        Assert.Equal("440154", cells[1].Bg); // the minimum is viridis(0)
        Assert.Equal("fde725", cells[3].Bg); // the maximum is viridis(1)
        Assert.Equal("#fff", cells[1].Fg);
        Assert.Equal("#000", cells[3].Fg);
        Assert.Contains("<th>d&lt;g</th>", html);
    }

    [Fact]
    public void Non_square_matrix_is_rejected_with_its_shape()
    {
        var ex = Assert.Throws<ArgumentException>(() => HeatmapHtml.Render(["a", "b"], new double[2, 3]));
        Assert.Contains("(2, 3)", ex.Message);
    }
}

public class TableHtmlTests
{
    [Fact]
    public void Rows_are_escaped_and_short_rows_are_padded()
    {
        var html = TableHtml.Render("report", ["", "precision", "recall"], [["a&b", "0.50", "1.00"], ["accuracy", "0.75"]]);
        Assert.Contains("<caption>report</caption>", html);
        Assert.Contains("<tr><th></th><th>precision</th><th>recall</th></tr>", html);
        Assert.Contains("<tr><th class=\"l\">a&amp;b</th><td>0.50</td><td>1.00</td></tr>", html);
        Assert.Contains("<tr><th class=\"l\">accuracy</th><td>0.75</td><td colspan=\"1\"></td></tr>", html);
    }
}
