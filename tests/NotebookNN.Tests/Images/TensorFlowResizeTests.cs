using NotebookNN.Images;

namespace NotebookNN.Tests.Images;

/// <summary>
/// The dataset's resize against tf.image.resize's rule computed independently in float64 (make_image_fixture.py,
/// cross-checked there with torch's interpolate), directly and through ImageDatasetFromDirectory.
/// </summary>
public class TensorFlowResizeTests : Support.TempFolderTests
{
    private static readonly System.Text.Json.JsonElement Fixture = ImageFixture.Json;

    public static TheoryData<int> Cases => new(Enumerable.Range(0, Fixture.GetProperty("tf").GetArrayLength()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resize_matches_the_half_pixel_reference(int i)
    {
        var c = Fixture.GetProperty("tf")[i];
        var size = Support.Fixture.Ints(c.GetProperty("size"));
        int channels = ColorMode.Channels(c.GetProperty("color_mode").GetString()!);
        var (pixels, w, h, comps) = ImageFile.Decode(ImageFixture.File(c.GetProperty("file").GetString()!));
        var output = new float[size[0] * size[1] * channels];
        TensorFlowResize.Resize(ColorMode.Convert(pixels, w * h, comps, channels), h, w, channels, output, size[0], size[1],
            c.GetProperty("interpolation").GetString()!);
        Support.Fixture.Close(Support.Fixture.Doubles(c.GetProperty("values")), output, 2e-3, "resized");
    }

    [Fact]
    public void The_dataset_holds_the_resized_images_as_tensorflow_gives_them()
    {
        Directory.CreateDirectory(PathOf("one"));
        File.Copy(ImageFixture.File("rgb.png"), Path.Combine(PathOf("one"), "rgb.png"));
        var c = Fixture.GetProperty("tf")[1]; // rgb.png to (20, 31), bilinear
        Assert.Equal(new[] { 20, 31 }, Support.Fixture.Ints(c.GetProperty("size")));
        var ds = Utils.ImageDatasetFromDirectory(Folder, imageSize: (20, 31), verbose: false);
        var (images, labels) = ds[0];
        Assert.Equal(new[] { 1, 20, 31, 3 }, images.Shape.ToArray());
        Support.Fixture.Close(Support.Fixture.Doubles(c.GetProperty("values")), images.ToArray(), 2e-3, "dataset image");
        Assert.Equal(new[] { 0f }, labels!.ToArray());
    }
}
