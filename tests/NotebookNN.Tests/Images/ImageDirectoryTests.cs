using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Images;

namespace NotebookNN.Tests.Images;

/// <summary>
/// ImageDatasetFromDirectory reads a folder as Keras's index_directory does: the order, labels and split of the
/// fixture tree as make_image_fixture.py listed it with os.walk and numpy's RandomState, the label modes, the lines
/// it prints, and Fit / Evaluate / Predict on the dataset.
/// </summary>
public class ImageDirectoryTests : Support.TempFolderTests
{
    private static readonly System.Text.Json.JsonElement Tree = ImageFixture.Json.GetProperty("directory");
    private static readonly string[] Sorted = Tree.GetProperty("sorted").EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>The fixture's tree in the test folder: every image-named file a 2×2 PNG whose value is its place in Keras's sorted listing.</summary>
    private void MakeTree()
    {
        foreach (var rel in Tree.GetProperty("tree").EnumerateArray().Select(e => e.GetString()!))
        {
            var path = PathOf(rel.Replace('/', Path.DirectorySeparatorChar));
            int at = Array.IndexOf(Sorted, rel);
            if (at >= 0 || ImageFile.HasImageExtension(rel)) ImageFixture.WriteSolidPng(path, (byte)(at >= 0 ? 10 + at : 250));
            else { Directory.CreateDirectory(Path.GetDirectoryName(path)!); File.WriteAllText(path, "not an image"); }
        }
    }

    private static string Rel(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string[] Strings(System.Text.Json.JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Fact]
    public void Unshuffled_files_come_class_by_class_walked_and_sorted_as_keras_lists_them()
    {
        MakeTree();
        var ds = Utils.ImageDatasetFromDirectory(Folder, shuffle: false, imageSize: (2, 2), batchSize: 5, verbose: false);
        Assert.Equal(Strings(Tree.GetProperty("classes")), ds.ClassNames);
        Assert.Equal(Sorted, ds.FilePaths.Select(p => Rel(Folder, p)));
        Assert.Equal(3, ds.Count);
        var values = ds.SelectMany(b => Enumerable.Range(0, b.Images.Shape[0]).Select(i => b.Images[i, 0, 0, 0].Item())).ToArray();
        Assert.Equal(Enumerable.Range(10, Sorted.Length).Select(v => (float)v), values);
        Assert.Equal(Support.Fixture.Ints(Tree.GetProperty("sorted_labels")).Select(l => (float)l), ds.SelectMany(b => b.Labels!.ToArray()));
    }

    public static TheoryData<int> SplitCases => new(Enumerable.Range(0, Tree.GetProperty("cases").GetArrayLength()));

    [Theory]
    [MemberData(nameof(SplitCases))]
    public void Shuffle_and_split_give_kerass_files_for_the_seed(int i)
    {
        MakeTree();
        var c = Tree.GetProperty("cases")[i];
        int seed = c.GetProperty("seed").GetInt32();
        double split = c.GetProperty("validation_split").GetDouble();
        var all = Utils.ImageDatasetFromDirectory(Folder, seed: seed, imageSize: (2, 2), verbose: false);
        Assert.Equal(Strings(c.GetProperty("shuffled")), all.FilePaths.Select(p => Rel(Folder, p)));
        Assert.Equal(Support.Fixture.Ints(c.GetProperty("labels")).Select(l => (float)l), all[0].Labels!.ToArray());

        var (training, validation) = Utils.ImageDatasetFromDirectory(Folder, validationSplit: split, subset: "both", seed: seed, imageSize: (2, 2), verbose: false);
        Assert.Equal(Strings(c.GetProperty("training")), training.FilePaths.Select(p => Rel(Folder, p)));
        Assert.Equal(Strings(c.GetProperty("validation")), validation.FilePaths.Select(p => Rel(Folder, p)));
        var single = Utils.ImageDatasetFromDirectory(Folder, validationSplit: split, subset: "validation", seed: seed, imageSize: (2, 2), verbose: false);
        Assert.Equal(validation.FilePaths, single.FilePaths);
        // each image is the file it says it is
        var firstPixels = training[0].Images.ToArray().Where((_, k) => k % 12 == 0).Select(v => (int)v - 10);
        Assert.Equal(training.FilePaths.Take(32).Select(p => Array.IndexOf(Sorted, Rel(Folder, p))), firstPixels);
    }

    [Fact]
    public void Prints_kerass_lines()
    {
        MakeTree();
        var previous = Console.Out;
        var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.25, subset: "both", seed: 1337, imageSize: (2, 2));
            Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.25, subset: "training", seed: 1337, imageSize: (2, 2));
        }
        finally { Console.SetOut(previous); }
        Assert.Equal(
            "Found 14 files belonging to 3 classes.\nUsing 11 files for training.\nUsing 3 files for validation.\n" +
            "Found 14 files belonging to 3 classes.\nUsing 11 files for training.\n",
            writer.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Label_modes_encode_as_keras_and_class_names_choose_and_order_the_classes()
    {
        MakeTree();
        var ds = Utils.ImageDatasetFromDirectory(Folder, labelMode: "categorical", classNames: ["dogs", "Birds"], shuffle: false, imageSize: (2, 2), verbose: false);
        Assert.Equal(["dogs", "Birds"], ds.ClassNames);
        var (images, labels) = ds[0];
        Assert.Equal(new[] { 8, 2 }, labels!.Shape.ToArray());
        // dogs' 5 files first (label 0), then Birds' 3
        Assert.Equal(new float[] { 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1 }, labels.ToArray());
        Assert.Equal(10 + Array.IndexOf(Sorted, "dogs/.hidden.png"), images[0, 0, 0, 0].Item());

        var binary = Utils.ImageDatasetFromDirectory(Folder, labelMode: "binary", classNames: ["Birds", "dogs"], shuffle: false, imageSize: (2, 2), verbose: false);
        Assert.Equal(new[] { 8, 1 }, binary[0].Labels!.Shape.ToArray());
        Assert.Equal(new float[] { 0, 0, 0, 1, 1, 1, 1, 1 }, binary[0].Labels!.ToArray());

        var unlabelled = Utils.ImageDatasetFromDirectory(Folder, labelMode: null, shuffle: false, imageSize: (2, 2), verbose: false);
        Assert.Null(unlabelled.ClassNames);
        Assert.Null(unlabelled[0].Labels);
        Assert.Equal(16, unlabelled.Samples); // the whole tree, loose.png and the file in .cache included, as Keras's labels=None reads it
        Assert.StartsWith("<_PrefetchDataset element_spec=TensorSpec(shape=(None, 2, 2, 3)", unlabelled.ToString());
        Assert.Equal("<_PrefetchDataset element_spec=(TensorSpec(shape=(None, 2, 2, 3), dtype=tf.float32, name=None), TensorSpec(shape=(None, 2), dtype=tf.float32, name=None))>", ds.ToString());

        var grey = Utils.ImageDatasetFromDirectory(Folder, colorMode: "grayscale", batchSize: null, shuffle: false, imageSize: (3, 4), verbose: false);
        Assert.Equal(new[] { 3, 4, 1 }, grey[0].Images.Shape.ToArray());
        Assert.Equal(Sorted.Length, grey.Count);
    }

    [Fact]
    public void Fit_evaluate_and_predict_take_the_datasets()
    {
        // two classes a tiny network tells apart by colour: reddish images in "red", greenish ones in "green"
        for (int i = 0; i < 24; i++)
        {
            ImageFixture.WriteSolidPng(PathOf($"red/{i:00}.png"), ((byte)(150 + 4 * i), (byte)(2 * i), 60), 4, 4);
            ImageFixture.WriteSolidPng(PathOf($"green/{i:00}.png"), ((byte)(2 * i), (byte)(150 + 4 * i), 60), 4, 4);
        }
        var (train, val) = Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.25, subset: "both", seed: 3, imageSize: (4, 4), batchSize: 8, verbose: false);
        Utils.SetRandomSeed(7);
        var model = new Sequential([new NotebookNN.Layers.Flatten(inputShape: [4, 4, 3]), new NotebookNN.Layers.Dense(2, activation: "softmax")]);
        model.Compile(loss: "sparse_categorical_crossentropy", optimizer: new NotebookNN.Optimizers.Adam(learningRate: 0.01), metrics: ["accuracy"]);
        var history = model.Fit(train, epochs: 30, verbose: 0, validationData: val);
        Assert.Equal(30, history.History["val_accuracy"].Count);
        Assert.Equal(1.0, history.History["val_accuracy"][^1]);
        var (_, accuracy) = model.Evaluate(val, verbose: 0);
        Assert.Equal(1.0, accuracy);
        var predicted = model.Predict(val, verbose: 0).ArgMax(axis: 1).ToArray();
        var truth = val.FilePaths.Select(p => p.Contains($"{Path.DirectorySeparatorChar}red{Path.DirectorySeparatorChar}") ? 1f : 0f);
        Assert.Equal(truth, predicted);
    }

    [Fact]
    public void A_dataset_shows_its_repr_in_a_notebook_not_its_batches_and_an_image_shows_as_a_picture()
    {
        MakeTree();
        var ds = Utils.ImageDatasetFromDirectory(Folder, imageSize: (2, 2), verbose: false);
        Assert.Equal(ds.ToString(), ds.ToDisplayString("text/plain"));
        Assert.Equal($"<code>{System.Net.WebUtility.HtmlEncode(ds.ToString())}</code>", ds.ToDisplayString("text/html"));
        var img = Utils.LoadImg(ImageFixture.File("gray.png"), colorMode: "grayscale");
        Assert.Equal("<PIL.Image.Image image mode=L size=9x11>", img.ToDisplayString("text/plain"));
        var html = img.ToDisplayString("text/html");
        Assert.StartsWith("<img src=\"data:image/png;base64,", html);
        Assert.Contains("width=\"126\" height=\"154\"", html); // 9 × 11 drawn 14 times larger
    }
}
