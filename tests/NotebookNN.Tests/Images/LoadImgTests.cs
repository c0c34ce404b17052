using NotebookNN.Images;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Images;

/// <summary>Utils.LoadImg / ImgToArray against Pillow (what Keras's load_img and img_to_array return), on PNG and JPEG.</summary>
public class LoadImgTests
{
    private static readonly System.Text.Json.JsonElement Fixture = ImageFixture.Json;

    [Theory]
    [InlineData("rgb.png", 3)]
    [InlineData("gray.png", 1)]
    [InlineData("rgba.png", 4)]
    public void Png_decodes_to_pillows_pixels_exactly_in_its_own_mode(string file, int channels)
    {
        var want = Fixture.GetProperty("decoded").GetProperty(file);
        var img = Utils.LoadImg(ImageFixture.File(file), colorMode: channels switch { 1 => "grayscale", 3 => "rgb", _ => "rgba" });
        Assert.Equal(want.GetProperty("mode").GetString(), img.Mode);
        var shape = Support.Fixture.Ints(want.GetProperty("shape"));
        Assert.Equal((shape[1], shape[0]), img.Size);
        var array = Utils.ImgToArray(img);
        Assert.Equal(new[] { shape[0], shape[1], channels }, array.Shape.ToArray());
        Assert.Equal(Support.Fixture.Doubles(want.GetProperty("values")), ImageFixture.Values(array));
    }

    [Theory]
    [InlineData("photo.jpg", "rgb", 3)]
    [InlineData("gray.jpg", "grayscale", 1)]
    public void Jpeg_decodes_within_a_level_or_two_of_libjpeg(string file, string colorMode, int channels)
    {
        // stb's and libjpeg's IDCTs round differently: a JPEG decodes to within a few levels, not bit for bit
        var want = Support.Fixture.Doubles(Fixture.GetProperty("decoded").GetProperty(file).GetProperty("values"));
        var got = ImageFixture.Values(Utils.ImgToArray(Utils.LoadImg(ImageFixture.File(file), colorMode: colorMode)));
        Assert.Equal(want.Length, got.Length);
        Assert.Equal(channels == 1 ? "L" : "RGB", Utils.LoadImg(ImageFixture.File(file), colorMode: colorMode).Mode);
        double maxDiff = want.Zip(got, (a, b) => Math.Abs(a - b)).Max(), meanDiff = want.Zip(got, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(maxDiff <= 3 && meanDiff <= 0.6, $"max |diff| {maxDiff}, mean {meanDiff}");
    }

    public static TheoryData<int> PilCases => new(Enumerable.Range(0, Fixture.GetProperty("pil").GetArrayLength()));

    [Theory]
    [MemberData(nameof(PilCases))]
    public void Colour_conversion_and_resize_match_pillow_to_the_byte(int i)
    {
        var c = Fixture.GetProperty("pil")[i];
        var size = Support.Fixture.Ints(c.GetProperty("size"));
        var img = Utils.LoadImg(ImageFixture.File(c.GetProperty("file").GetString()!), colorMode: c.GetProperty("color_mode").GetString()!,
            targetSize: (size[0], size[1]), interpolation: c.GetProperty("interpolation").GetString()!);
        var array = Utils.ImgToArray(img);
        Assert.Equal(Support.Fixture.Ints(c.GetProperty("shape")), array.Shape.ToArray());
        Assert.Equal(Support.Fixture.Doubles(c.GetProperty("values")), ImageFixture.Values(array));
    }

    [Fact]
    public void The_cifar_notebooks_call_gives_a_32_by_32_rgb_array_of_0_to_255()
    {
        var x = Utils.ImgToArray(Utils.LoadImg(ImageFixture.File("photo.jpg"), targetSize: (32, 32)));
        Assert.Equal(new[] { 32, 32, 3 }, x.Shape.ToArray());
        Assert.InRange(x.ToArray().Min(), 0f, 255f);
        Assert.InRange(x.ToArray().Max(), 0f, 255f);
        Assert.Equal("<PIL.Image.Image image mode=RGB size=32x32>", Utils.LoadImg(ImageFixture.File("photo.jpg"), targetSize: (32, 32)).ToString());
    }

    [Fact]
    public void Bad_arguments_name_the_valid_values()
    {
        var file = ImageFixture.File("rgb.png");
        Assert.Contains("color_mode", Assert.Throws<ArgumentException>(() => Utils.LoadImg(file, colorMode: "cmyk")).Message);
        Assert.Contains("nearest, bilinear", Assert.Throws<ArgumentException>(() => Utils.LoadImg(file, interpolation: "bicubic")).Message);
        Assert.Contains("target_size=(0, 5)", Assert.Throws<ArgumentException>(() => Utils.LoadImg(file, targetSize: (0, 5))).Message);
    }
}
