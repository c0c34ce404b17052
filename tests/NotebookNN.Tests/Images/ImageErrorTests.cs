using NotebookNN.Images;

namespace NotebookNN.Tests.Images;

/// <summary>Damaged, foreign and missing files, empty and unbalanced folders: each a clear error naming the file or class, and no dataset.</summary>
public class ImageErrorTests : Support.TempFolderTests
{
    private string Copy(string fixture, string relative, Func<byte[], byte[]>? change = null)
    {
        var path = PathOf(relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = File.ReadAllBytes(ImageFixture.File(fixture));
        File.WriteAllBytes(path, change is null ? bytes : change(bytes));
        return path;
    }

    private void Classes(int perClass = 2, params string[] names)
    {
        foreach (var name in names)
            for (int i = 0; i < perClass; i++) ImageFixture.WriteSolidPng(PathOf($"{name}/{i}.png"), 100);
    }

    [Theory]
    [InlineData("rgb.png", 0.5)]
    [InlineData("rgb.png", 0.9)]
    [InlineData("photo.jpg", 0.5)]
    [InlineData("photo.jpg", 0.97)]
    [InlineData("gray.jpg", 0.6)]
    public void A_truncated_png_or_jpeg_is_refused_naming_the_file(string fixture, double keep)
    {
        var path = Copy(fixture, "bad/" + fixture, b => b[..(int)(b.Length * keep)]);
        var e = Assert.Throws<InvalidDataException>(() => Utils.LoadImg(path));
        Assert.Contains($"'{path}'", e.Message);
        Assert.StartsWith("Could not decode image file", e.Message);
    }

    [Fact]
    public void A_png_with_a_damaged_chunk_is_refused()
    {
        var path = Copy("rgb.png", "bad.png", b => { var c = (byte[])b.Clone(); for (int i = 40; i < 60; i++) c[i] ^= 0x5A; return c; });
        Assert.Contains($"'{path}'", Assert.Throws<InvalidDataException>(() => Utils.LoadImg(path)).Message);
    }

    [Fact]
    public void A_text_file_named_png_and_an_empty_file_are_refused()
    {
        var text = PathOf("notes.png");
        File.WriteAllText(text, "this is not a picture");
        var e = Assert.Throws<InvalidDataException>(() => Utils.LoadImg(text));
        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains("unknown image type", e.Message);
        var empty = PathOf("empty.jpg");
        File.WriteAllBytes(empty, []);
        Assert.Contains("the file is empty", Assert.Throws<InvalidDataException>(() => Utils.LoadImg(empty)).Message);
        Assert.Contains("missing.png", Assert.Throws<FileNotFoundException>(() => Utils.LoadImg(PathOf("missing.png"))).Message);
    }

    [Fact]
    public void Files_without_an_image_extension_are_skipped_but_a_bad_image_in_a_class_folder_is_named()
    {
        Classes(2, "a", "b");
        File.WriteAllText(PathOf("a/readme.txt"), "skipped as Keras skips it");
        Assert.Equal(4, Utils.ImageDatasetFromDirectory(PathOf(""), imageSize: (2, 2), verbose: false).Samples);

        var late = Copy("photo.jpg", "b/z.jpg", b => b[..(b.Length / 2)]);
        var early = Copy("rgb.png", "a/0a.png", b => b[..100]);
        var e = Assert.Throws<InvalidDataException>(() => Utils.ImageDatasetFromDirectory(Folder, shuffle: false, imageSize: (2, 2), verbose: false));
        Assert.Contains($"'{early}'", e.Message); // the first bad file in the dataset's order, whichever core met it first
        Assert.DoesNotContain(late, e.Message);
    }

    [Fact]
    public void An_empty_class_folder_is_named_unless_left_out()
    {
        Classes(2, "cats");
        Directory.CreateDirectory(PathOf("dogs"));
        File.WriteAllText(PathOf("dogs/list.csv"), "1,2");
        var e = Assert.Throws<InvalidDataException>(() => Utils.ImageDatasetFromDirectory(Folder, imageSize: (2, 2), verbose: false));
        Assert.Contains("class 'dogs'", e.Message);
        Assert.Contains(PathOf("dogs"), e.Message);
        Assert.Equal(["cats"], Utils.ImageDatasetFromDirectory(Folder, classNames: ["cats"], imageSize: (2, 2), verbose: false).ClassNames);
    }

    [Fact]
    public void An_empty_directory_a_directory_without_class_folders_and_a_missing_one_are_explained()
    {
        Assert.Contains("No images found in directory", Assert.Throws<InvalidDataException>(() => Utils.ImageDatasetFromDirectory(Folder, verbose: false)).Message);
        ImageFixture.WriteSolidPng(PathOf("loose.png"), 5);
        var e = Assert.Throws<InvalidDataException>(() => Utils.ImageDatasetFromDirectory(Folder, verbose: false));
        Assert.Contains("No class folders", e.Message);
        Assert.Contains("found 1 image files directly in it", e.Message);
        Assert.Equal(1, Utils.ImageDatasetFromDirectory(Folder, labelMode: null, imageSize: (2, 2), verbose: false).Samples);
        Assert.Contains("No such directory", Assert.Throws<DirectoryNotFoundException>(() => Utils.ImageDatasetFromDirectory(PathOf("nowhere"))).Message);
    }

    [Fact]
    public void A_split_that_leaves_a_class_out_of_training_names_the_class_and_out_of_validation_warns()
    {
        Classes(6, "many");
        Classes(1, "rare");
        // 7 files, 0.2 → 1 for validation: seed 0 leaves "rare" out of validation, seed 9 puts it there (numpy: RandomState(9).shuffle(list(range(7)))[-1] == 6)
        var previous = Console.Error;
        var errors = new StringWriter();
        Console.SetError(errors);
        ImageDataset validation;
        try { validation = Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.2, subset: "validation", seed: 0, imageSize: (2, 2), verbose: false); }
        finally { Console.SetError(previous); }
        Assert.DoesNotContain(validation.FilePaths, p => p.Contains("rare"));
        Assert.Contains("UserWarning: The validation subset holds no image of class 'rare'", errors.ToString());

        var e = Assert.Throws<InvalidDataException>(() => Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.2, subset: "both", seed: 9, imageSize: (2, 2), verbose: false));
        Assert.Contains("The training subset holds no image of class 'rare'", e.Message);
        Assert.Contains(Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.2, subset: "validation", seed: 9, imageSize: (2, 2), verbose: false).FilePaths, p => p.Contains("rare"));
    }

    [Fact]
    public void A_split_too_small_to_keep_any_validation_file_is_explained()
    {
        Classes(2, "a", "b");
        var e = Assert.Throws<InvalidDataException>(() => Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.2, subset: "training", seed: 1, imageSize: (2, 2), verbose: false));
        Assert.Contains("int(0.2 * 4) = 0", e.Message);
    }

    [Fact]
    public void Arguments_are_checked_as_keras_checks_them()
    {
        Classes(2, "a", "b", "c");
        Assert.Contains("you must provide a `seed`", Assert.Throws<ArgumentException>(() => Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.2, subset: "training")).Message);
        Assert.Contains("If `subset` is set, `validation_split` must be set", Assert.Throws<ArgumentException>(() => Utils.ImageDatasetFromDirectory(Folder, subset: "training", seed: 1)).Message);
        Assert.Contains("`validation_split` must be between 0 and 1, received: 1.5", Assert.Throws<ArgumentException>(() => Utils.ImageDatasetFromDirectory(Folder, validationSplit: 1.5, subset: "training", seed: 1)).Message);
        Assert.Contains("\"training\", \"validation\" or \"both\"", Assert.Throws<ArgumentException>(() => Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.5, subset: "test", seed: 1)).Message);
        Assert.Contains("exactly 2 class_names. Received: class_names=['a', 'b', 'c']", Assert.Throws<ArgumentException>(() => Utils.ImageDatasetFromDirectory(Folder, labelMode: "binary", verbose: false)).Message);
        Assert.Contains("Expected: ['a', 'b', 'c'] (or a subset of it)", Assert.Throws<ArgumentException>(() => Utils.ImageDatasetFromDirectory(Folder, classNames: ["a", "z"])).Message);
        Assert.Contains("label_mode=sparse", Assert.Throws<ArgumentException>(() => Utils.ImageDatasetFromDirectory(Folder, labelMode: "sparse")).Message);
        Assert.Contains("('bilinear', 'nearest')", Assert.Throws<ArgumentException>(() => Utils.ImageDatasetFromDirectory(Folder, interpolation: "area")).Message);
    }

    [Fact]
    public void The_pair_of_both_is_not_a_dataset_and_a_single_subset_does_not_deconstruct()
    {
        Classes(4, "a", "b");
        var both = Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.5, subset: "both", seed: 2, imageSize: (2, 2), verbose: false);
        Assert.Contains("deconstruct it", Assert.Throws<InvalidOperationException>(() => both.Count).Message);
        var single = Utils.ImageDatasetFromDirectory(Folder, validationSplit: 0.5, subset: "training", seed: 2, imageSize: (2, 2), verbose: false);
        Assert.Throws<InvalidOperationException>(() => { var (_, _) = single; });
        var model = new Sequential([new NotebookNN.Layers.Flatten(inputShape: [2, 2, 3]), new NotebookNN.Layers.Dense(2, activation: "softmax")]);
        model.Compile(loss: "sparse_categorical_crossentropy", optimizer: "sgd");
        var unlabelled = Utils.ImageDatasetFromDirectory(Folder, labelMode: null, imageSize: (2, 2), verbose: false);
        Assert.Contains("has no labels", Assert.Throws<ArgumentException>(() => model.Fit(unlabelled, verbose: 0)).Message);
        Assert.Equal(8, model.Predict(unlabelled, verbose: 0).Shape[0]);
        var unbatched = Utils.ImageDatasetFromDirectory(Folder, batchSize: null, imageSize: (2, 2), verbose: false);
        Assert.Contains("batched dataset", Assert.Throws<ArgumentException>(() => model.Evaluate(unbatched, verbose: 0)).Message);
    }
}
