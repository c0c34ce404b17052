using NotebookNN.Callbacks;
using NotebookNN.Plotting;

namespace NotebookNN.Tests.Plotting;

/// <summary>The one-line reprs a newcomer reads: counted in the singular for one, and the same rounding as the tables.</summary>
public class ReprWordingTests
{
    [Fact]
    public void ImageGridCountsImagesAndColumnsItShows()
    {
        Assert.Equal("ImageGrid(1 image of 28×28, 1 column)", Plot.Images(Tensor.Zeros(1, 28, 28)).ToString());
        var three = Plot.Images(Tensor.Zeros(3, 28, 28), columns: 10);
        Assert.Equal("ImageGrid(3 images of 28×28, 3 columns)", three.ToString());
        Assert.Equal(3, three.Columns);
        Assert.Contains("repeat(3,", NotebookNN.Formatting.ImageGridHtml.Render(three));
        Assert.Equal("ImageGrid(25 images of 8×8, 5 columns)", Plot.Images(Tensor.Zeros(25, 8, 8), columns: 5).ToString());
        Assert.Equal("ImageGrid(1 image of 4×6, 1 column)", Plot.Image(Tensor.Zeros(4, 6)).ToString());
    }

    [Fact]
    public void HistoryReprRoundsAsTheEpochTable()
    {
        var h = new History();
        h.OnEpochEnd(0, new Dictionary<string, double> { ["loss"] = 0.31024, ["accuracy"] = 0.887 });
        // the table writes Keras's %.4f: 0.8870, and so does the repr now (it wrote accuracy=0.887)
        Assert.Equal("History(1 epoch: loss=0.3102, accuracy=0.8870)", h.ToString());
        h.OnEpochEnd(1, new Dictionary<string, double> { ["loss"] = 0.25, ["accuracy"] = 0.9 });
        Assert.Equal("History(2 epochs: loss=0.2500, accuracy=0.9000)", h.ToString());
        Assert.Equal("History(0 epochs)", new History().ToString());
    }
}
