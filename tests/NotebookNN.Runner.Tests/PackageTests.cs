using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;

namespace NotebookNN.Runner.Tests;

/// <summary><c>#r "nuget: ..."</c> from runner sources through the kernel's restore, package extensions, <c>#r "x.dll"</c>.</summary>
public class PackageTests
{
    private static string[] Texts(InteractiveDocumentElement cell) =>
        cell.Outputs.Select(o => o is TextElement t ? t.Text : Support.Plain(o) is { Length: > 0 } plain ? plain : Support.Html(o)).ToArray();

    [Fact]
    public async Task A_package_from_a_source_folder_loads_and_its_extension_dib_runs_before_the_code_after_the_reference()
    {
        using var package = new TestPackage().Build();
        var nb = Support.Cells($"{package.Reference}\nTinyPkg.Greeter.Hello(\"early\")", "TinyPkg.Greeter.Hello(\"notebook\")");
        var result = await Support.RunAsync(nb, [package.Folder]);
        Assert.True(result.Succeeded, result.Error);
        var first = Texts(nb.Elements[0]);
        Assert.Contains($"{TestPackage.Id}, {package.Version}", first[0]);   // the kernel's "Installed Packages" display
        // The kernel runs #r as a command of its own, after which the extension loads: the code below it sees it.
        Assert.Matches("^Loading extension script from `.*extension.dib`$", first[1]);
        Assert.Equal("tiny extension loaded", first[2]);
        Assert.Equal("Hello, early", first[3]);
        Assert.Equal(4, first.Length);
        Assert.Equal(["Hello, notebook"], Texts(nb.Elements[1]));
    }

    [Fact]
    public async Task A_compiled_kernel_extension_in_the_package_loads_before_its_extension_dib()
    {
        using var package = new TestPackage().Build(kernelExtension: TestPackage.KernelExtension);
        var nb = Support.Cells(package.Reference, "loadedBy + \" / \" + TinyPkg.Greeter.Hello(\"x\")");
        var result = await Support.RunAsync(nb, [package.Folder]);
        Assert.True(result.Succeeded, result.Error);
        var shown = Texts(nb.Elements[0]);
        Assert.Matches("^Loading extensions from `.*TinyExt.dll`$", shown[1]);
        Assert.Equal("TinyExt loaded into CompositeKernel", shown[2]);
        Assert.Matches("^Loading extension script from", shown[3]);
        Assert.Equal("tiny extension loaded", shown[4]);
        Assert.Equal(["TinyExt / Hello, x"], Texts(nb.Elements[1]));
    }

    [Fact]
    public async Task A_package_rebuilt_under_the_same_version_replaces_the_stale_copy_in_the_NuGet_cache()
    {
        // Each run is a process of its own, so the rebuilt package shows in what its extension.dib displays (a test
        // process keeps the first TinyPkg.dll it loaded).
        using var package = new TestPackage().Build(extensionDib: TestPackage.Showing("first build"));
        var nb = Support.Cells(package.Reference);
        Assert.True((await Support.RunAsync(nb, [package.Folder])).Succeeded);
        Assert.Equal("first build", Texts(nb.Elements[0])[^1]);

        package.Build(extensionDib: TestPackage.Showing("second build"));
        Assert.True((await Support.RunAsync(nb, [package.Folder])).Succeeded);
        Assert.Equal("second build", Texts(nb.Elements[0])[^1]);
    }

    [Fact]
    public async Task A_package_no_source_has_fails_with_the_kernels_message()
    {
        var dir = Support.TempDir();
        var nb = Support.Cells("#r \"nuget: NotebookNN.Runner.Tests.NoSuchPackage, 9.9.9\"", "1");
        var result = await Support.RunAsync(nb, [dir]);
        Assert.False(result.Succeeded);
        Assert.Equal(1, result.FailedCell);
        Assert.Contains("NotebookNN.Runner.Tests.NoSuchPackage", result.Error);
        Assert.IsType<ErrorElement>(nb.Elements[0].Outputs[^1]);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void R_of_a_dll_path_resolves_against_the_notebooks_folder()
    {
        var dir = Support.TempDir();
        File.WriteAllBytes(Path.Combine(dir, "LocalLib.dll"), TestPackage.Compile("LocalLib", "namespace LocalLib { public static class Answer { public static int Value => 42; } }"));
        string input = Path.Combine(dir, "nb.dib"), output = Path.Combine(dir, "out.ipynb");
        File.WriteAllText(input, "#!csharp\n\n#r \"LocalLib.dll\"\n\n#!csharp\n\nLocalLib.Answer.Value\n");
        string cwd = Environment.CurrentDirectory;
        Assert.Equal(0, RunnerCommand.Run([input, "-o", output]));
        Assert.Equal(cwd, Environment.CurrentDirectory);   // restored after the run
        Assert.Contains("<pre>42</pre>", File.ReadAllText(output));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task KernelHost_runs_a_submission_and_returns_its_events()
    {
        using var kernel = await KernelHost.CreateAsync();
        var events = await kernel.SubmitAsync("Console.Write(\"out\"); 6 * 7");
        Assert.Equal("out", Assert.Single(events.OfType<StandardOutputValueProduced>()).FormattedValues.Single().Value);
        Assert.Equal(42, Assert.Single(events.OfType<ReturnValueProduced>()).Value);
        Assert.Single(events.OfType<CommandSucceeded>());
        var failed = Assert.Single((await kernel.SubmitAsync("undefinedName")).OfType<CommandFailed>());
        Assert.Contains("CS0103", failed.Message);
    }
}
