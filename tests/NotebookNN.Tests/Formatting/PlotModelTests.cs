using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Formatting;

/// <summary>
/// <c>Utils.PlotModel</c>, read back as XML: one box per layer titled as Keras's plot_model titles it, with Keras's
/// shape texts; one arrow per connection, leaving its source's side and ending with its tip on its target's side;
/// ranks that follow the arrows; boxes that do not overlap; the file written as shown. The pictures are also written to
/// <c>$NNN_PAGES_DIR</c> (or a temp folder) to look at (<c>rsvg-convert x.svg -o x.png</c>).
/// </summary>
public class PlotModelTests : TempFolderTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public PlotModelTests()
    {
        Keras.ClearSession();
        Utils.SetRandomSeed(3);
    }

    /// <summary>A functional model with a residual Add and a Concatenate of a side branch (Wide &amp; Deep's shape).</summary>
    private static Model Branched()
    {
        var input = new Input(shape: [8]);
        var h1 = new Dense(16, activation: "relu").Call(input);          // dense
        var h2 = new Dense(16).Call(h1);                                 // dense_1
        var skip = new Dense(16).Call(input);                            // dense_2
        var sum = new Add().Call([h2, skip]);                            // add
        var wide = new Dense(4, activation: "tanh").Call(input);         // dense_3
        var concat = new Concatenate().Call([sum, wide]);                // concatenate
        var output = new Dense(1).Call(concat);                          // dense_4
        return new Model(input, output, name: "branched");
    }

    private sealed record Box(string Name, string Class, string Title, string[] Cells, double X, double Y, double W, double H);
    private sealed record Arrow(string From, string To, (double X, double Y) Start, (double X, double Y) Tip);

    private static XElement Parse(string svg, string name)
    {
        string dir = Environment.GetEnvironmentVariable("NNN_PAGES_DIR") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "notebooknn-pages");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".svg"), svg);
        return XElement.Parse(svg);
    }

    private static double A(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static List<Box> Boxes(XElement svg) => svg.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "layer").Select(g =>
    {
        var header = g.Elements(Ns + "rect").Single(r => (string?)r.Attribute("class") == "header");
        var cells = g.Elements(Ns + "rect").Where(r => (string?)r.Attribute("class") == "cell").ToList();
        double bottom = cells.Count > 0 ? A(cells[0], "y") + A(cells[0], "height") : A(header, "y") + A(header, "height");
        return new Box((string)g.Attribute("data-name")!, (string)g.Attribute("data-class")!,
            g.Elements(Ns + "text").Single(t => (string?)t.Attribute("class") == "title").Value,
            g.Elements(Ns + "text").Where(t => (string?)t.Attribute("class") == "cell").Select(t => t.Value).ToArray(),
            A(header, "x"), A(header, "y"), A(header, "width"), bottom - A(header, "y"));
    }).ToList();

    private static List<Arrow> Arrows(XElement svg) => svg.Descendants(Ns + "g").Where(g => (string?)g.Attribute("class") == "edge").Select(g =>
    {
        var d = g.Element(Ns + "path")!.Attribute("d")!.Value;
        var start = Regex.Match(d, @"^M([-\d.]+),([-\d.]+)");
        var tip = g.Element(Ns + "polygon")!.Attribute("points")!.Value.Split(' ')[1].Split(',');
        return new Arrow((string)g.Attribute("data-from")!, (string)g.Attribute("data-to")!,
            (double.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(start.Groups[2].Value, CultureInfo.InvariantCulture)),
            (double.Parse(tip[0], CultureInfo.InvariantCulture), double.Parse(tip[1], CultureInfo.InvariantCulture)));
    }).ToList();

    /// <summary>Every arrow leaves its source's bottom (TB) or right side (LR) and ends on its target's top or left side,
    /// further along the rank axis; no two boxes overlap.</summary>
    private static void AssertGeometry(List<Box> boxes, List<Arrow> arrows, bool leftToRight)
    {
        var byName = boxes.ToDictionary(b => b.Name);
        const double eps = 0.02;
        foreach (var a in arrows)
        {
            Box s = byName[a.From], t = byName[a.To];
            if (leftToRight)
            {
                Assert.InRange(a.Start.X, s.X + s.W - eps, s.X + s.W + eps);
                Assert.InRange(a.Start.Y, s.Y, s.Y + s.H);
                Assert.InRange(a.Tip.X, t.X - eps, t.X + eps);
                Assert.InRange(a.Tip.Y, t.Y, t.Y + t.H);
                Assert.True(t.X > s.X + s.W, $"{a.To} is not right of {a.From}");
            }
            else
            {
                Assert.InRange(a.Start.Y, s.Y + s.H - eps, s.Y + s.H + eps);
                Assert.InRange(a.Start.X, s.X, s.X + s.W);
                Assert.InRange(a.Tip.Y, t.Y - eps, t.Y + eps);
                Assert.InRange(a.Tip.X, t.X, t.X + t.W);
                Assert.True(t.Y > s.Y + s.H, $"{a.To} is not below {a.From}");
            }
        }
        for (int i = 0; i < boxes.Count; i++)
            for (int j = i + 1; j < boxes.Count; j++)
            {
                Box p = boxes[i], q = boxes[j];
                bool apart = p.X + p.W <= q.X || q.X + q.W <= p.X || p.Y + p.H <= q.Y || q.Y + q.H <= p.Y;
                Assert.True(apart, $"boxes {p.Name} and {q.Name} overlap");
            }
    }

    [Fact]
    public void BranchedFunctionalModelHasItsLayersArrowsAndShapes()
    {
        var model = Branched();
        var svg = Parse(Utils.PlotModel(model, showShapes: true, showLayerNames: true).Svg, "plot-model-branched");
        var boxes = Boxes(svg);
        Assert.Equal(["input_1", "dense", "dense_1", "dense_2", "add", "dense_3", "concatenate", "dense_4"], boxes.Select(b => b.Name));
        var byName = boxes.ToDictionary(b => b.Name);
        Assert.Equal("input_1 (InputLayer)", byName["input_1"].Title);
        Assert.Equal("add (Add)", byName["add"].Title);
        Assert.Equal("concatenate (Concatenate)", byName["concatenate"].Title);
        Assert.Equal(["Input shape: (None, 8)", "Output shape: (None, 8)"], byName["input_1"].Cells);
        Assert.Equal(["Input shape: (None, 8)", "Output shape: (None, 16)"], byName["dense"].Cells);
        Assert.Equal(["Input shape: [(None, 16), (None, 16)]", "Output shape: (None, 16)"], byName["add"].Cells);
        Assert.Equal(["Input shape: [(None, 16), (None, 4)]", "Output shape: (None, 20)"], byName["concatenate"].Cells);
        Assert.Equal(["Input shape: (None, 20)", "Output shape: (None, 1)"], byName["dense_4"].Cells);

        var arrows = Arrows(svg);
        (string, string)[] expected = [("input_1", "dense"), ("dense", "dense_1"), ("input_1", "dense_2"), ("dense_1", "add"), ("dense_2", "add"),
            ("input_1", "dense_3"), ("add", "concatenate"), ("dense_3", "concatenate"), ("concatenate", "dense_4")];
        Assert.Equal(expected.Order(), arrows.Select(a => (a.From, a.To)).Order());
        AssertGeometry(boxes, arrows, leftToRight: false);
        // the two arrows into a merge end at different points of its top
        var intoAdd = arrows.Where(a => a.To == "add").Select(a => a.Tip.X).ToList();
        Assert.NotEqual(intoAdd[0], intoAdd[1]);
        // the root is an SVG picture of the stated size, titled with the model's name
        Assert.Equal("branched", svg.Element(Ns + "title")!.Value);
        Assert.True(boxes.All(b => b.X >= 0 && b.Y >= 0 && b.X + b.W <= A(svg, "width") && b.Y + b.H <= A(svg, "height")));
    }

    [Fact]
    public void SequentialIsAChainFromItsInputLayer()
    {
        var model = new Sequential([new Dense(30, activation: "relu", inputShape: [13]), new Dropout(0.2), new Dense(1)]);
        var plot = Utils.PlotModel(model, showShapes: true);
        var svg = Parse(plot.Svg, "plot-model-sequential");
        var boxes = Boxes(svg);
        Assert.Equal(["dense_input (InputLayer)", "dense (Dense)", "dropout (Dropout)", "dense_1 (Dense)"], boxes.Select(b => b.Title));
        Assert.Equal(["Input shape: (None, 30)", "Output shape: (None, 30)"], boxes[2].Cells);
        var arrows = Arrows(svg);
        Assert.Equal([("dense_input", "dense"), ("dense", "dropout"), ("dropout", "dense_1")], arrows.Select(a => (a.From, a.To)));
        AssertGeometry(boxes, arrows, leftToRight: false);
        // a chain of boxes is one straight column: every arrow is vertical
        Assert.All(arrows, a => Assert.Equal(a.Start.X, a.Tip.X, 2));
        Assert.Equal("dense_input (InputLayer)  Input shape: (None, 13) | Output shape: (None, 13)\n"
            + "dense (Dense)  Input shape: (None, 13) | Output shape: (None, 30)  <- dense_input\n"
            + "dropout (Dropout)  Input shape: (None, 30) | Output shape: (None, 30)  <- dense\n"
            + "dense_1 (Dense)  Input shape: (None, 30) | Output shape: (None, 1)  <- dropout\n", plot.Text);
    }

    [Fact]
    public void LeftToRightRanksRunAcross()
    {
        var svg = Parse(Utils.PlotModel(Branched(), showShapes: true, rankdir: "LR").Svg, "plot-model-lr");
        AssertGeometry(Boxes(svg), Arrows(svg), leftToRight: true);
    }

    [Fact]
    public void OptionsChangeTheCells()
    {
        var model = new Sequential([new Dense(4, activation: "relu", inputShape: [3]), new Dense(2)]);
        model.Layers[1].Trainable = false;
        var boxes = Boxes(XElement.Parse(Utils.PlotModel(model, showLayerNames: false, showLayerActivations: true, showDtype: true, showTrainable: true).Svg));
        Assert.Equal(["InputLayer", "Dense", "Dense"], boxes.Select(b => b.Title));
        Assert.Equal(["Output dtype: float32"], boxes[0].Cells);   // no activation, no weights
        Assert.Equal(["Activation: relu", "Output dtype: float32", "Trainable"], boxes[1].Cells);
        Assert.Equal(["Activation: linear", "Output dtype: float32", "Non-trainable"], boxes[2].Cells);
        Assert.Empty(Boxes(XElement.Parse(Utils.PlotModel(model).Svg))[1].Cells);   // Keras's defaults: the title alone
    }

    [Fact]
    public void NamesAreEscaped()
    {
        var input = new Input(shape: [2], name: "a<b>&\"c\"");
        var model = new Model(input, new Dense(1, name: "out'put").Call(input));
        var boxes = Boxes(XElement.Parse(Utils.PlotModel(model).Svg));
        Assert.Equal(["a<b>&\"c\" (InputLayer)", "out'put (Dense)"], boxes.Select(b => b.Title));
    }

    [Fact]
    public void ToFileWritesTheSvgShown()
    {
        var path = PathOf("model.svg");
        var plot = Utils.PlotModel(Branched(), toFile: path, showShapes: true);
        Assert.Equal(plot.Svg, File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Folder));   // no temporary file left beside it
        var e = Assert.Throws<ArgumentException>(() => Utils.PlotModel(Branched(), toFile: PathOf("model.png")));
        Assert.StartsWith("Utils.PlotModel draws SVG: `toFile` must end in \".svg\" (e.g. \"model.svg\"). Received: toFile='", e.Message);
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => Utils.PlotModel(Branched(), rankdir: "BT"));
        Assert.StartsWith("Invalid value for argument `rankdir`: expected \"TB\" (top to bottom) or \"LR\" (left to right). Received: rankdir='BT'", e.Message);
        var unbuilt = new Sequential([new Dense(2)]);
        var u = Assert.Throws<InvalidOperationException>(() => Utils.PlotModel(unbuilt));
        Assert.StartsWith("This model \"sequential\" has not yet been built.", u.Message);
    }

    private sealed class Tiny : Model
    {
        private readonly Dense _dense = new(2);
        public override Tensor[] Call(Tensor[] inputs, bool training) => [_dense.Call(inputs[0])];
    }

    [Fact]
    public void SubclassedModelIsOneBox()
    {
        var model = new Tiny();
        var boxes = Boxes(XElement.Parse(Utils.PlotModel(model, showShapes: true).Svg));
        var box = Assert.Single(boxes);
        Assert.Equal("tiny (Tiny)", box.Title);
    }
}
