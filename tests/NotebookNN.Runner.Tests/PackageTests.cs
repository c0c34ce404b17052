using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookNN.Runner.Tests;

/// <summary><c>#i</c>/<c>#r "nuget: ..."</c> against nupkgs (a tiny one built here and the real NotebookNN pack) and <c>#r "x.dll"</c>.</summary>
public class PackageTests
{
    private static void CompileLibrary(string name, string source, string dllPath)
    {
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var result = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(dllPath);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    /// <summary>A nupkg in NuGet's layout: nuspec, lib/net10.0/TinyPkg.dll and an extension.dib that sets state and displays.</summary>
    private static string TinyPackage(string folder)
    {
        string dll = Path.Combine(folder, "TinyPkg.dll");
        CompileLibrary("TinyPkg", "namespace TinyPkg { public static class Greeter { public static string Prefix = \"?\"; public static string Hello(string n) => Prefix + n; } }", dll);
        string nupkg = Path.Combine(folder, "TinyPkg.1.2.0.nupkg");
        using (var zip = ZipFile.Open(nupkg, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(dll, "lib/net10.0/TinyPkg.dll");
            using (var w = new StreamWriter(zip.CreateEntry("TinyPkg.nuspec").Open()))
                w.Write("<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>TinyPkg</id><version>1.2.0</version><authors>t</authors><description>t</description></metadata></package>");
            using (var w = new StreamWriter(zip.CreateEntry("interactive-extensions/dotnet/extension.dib").Open()))
                w.Write("#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\"}}\n\n#!csharp\n\nTinyPkg.Greeter.Prefix = \"Hello, \";\ndisplay(\"tiny extension loaded\");\n\n#!markdown\n\nignored\n");
        }
        File.Delete(dll);
        return nupkg;
    }

    [Fact]
    public void Nuget_reference_resolves_from_an_i_source_and_runs_the_extension_dib()
    {
        var dir = Support.TempDir();
        TinyPackage(dir);
        var nb = Support.Cells($"#i \"nuget: {dir}\"\n#r \"nuget: TinyPkg, 1.2.0\"\nTinyPkg.Greeter.Hello(\"notebook\")");
        var result = new NotebookExecutor().Run(nb);
        Assert.True(result.Succeeded, result.Error);
        var outs = nb.Cells[0].Outputs;
        Assert.Equal("tiny extension loaded", Support.Plain(outs[0]));
        Assert.Equal("Hello, notebook", Support.Plain(outs[1]));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_package_no_source_has_fails_with_a_clear_message()
    {
        var dir = Support.TempDir();
        var nb = Support.Cells($"#i \"nuget: {dir}\"\n#r \"nuget: NoSuchPackage.Anywhere, 9.9.9\"");
        var result = new NotebookExecutor().Run(nb);
        Assert.False(result.Succeeded);
        Assert.Contains("Unable to find package NoSuchPackage.Anywhere 9.9.9", result.Error);
        Assert.Contains(dir, result.Error);
        Assert.Equal("PackageNotFoundException", nb.Cells[0].Outputs.Single()["ename"]!.GetValue<string>());
        Directory.Delete(dir, true);
    }

    [Fact]
    public void R_of_a_dll_path_references_it_relative_to_the_notebook()
    {
        var dir = Support.TempDir();
        CompileLibrary("LocalLib", "namespace LocalLib { public static class Answer { public static int Value => 42; } }", Path.Combine(dir, "LocalLib.dll"));
        var executor = new NotebookExecutor();
        executor.Session.BaseDirectory = dir;
        var nb = Support.Cells("#r \"LocalLib.dll\"", "LocalLib.Answer.Value", "#r \"Missing.dll\"");
        var result = executor.Run(nb);
        Assert.Equal("42", Support.Plain(nb.Cells[1].Outputs[0]));
        Assert.False(result.Succeeded);
        Assert.Equal(3, result.FailedCell);
        Assert.Contains("Missing.dll", result.Error);
    }

    [Fact]
    public void The_packed_library_loads_with_its_dependencies_and_its_extension_shows_live_progress()
    {
        var dir = Support.TempDir();
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var (code, log) = Support.Run("dotnet", "pack", Support.RepoFile("src", "NotebookNN", "NotebookNN.csproj"), "--no-build", "-c", configuration, "-o", dir, "-nologo",
            $"-p:NuspecOutputPath={Path.Combine(dir, "nuspec")}/");   // own nuspec folder: the packaging test may pack at the same time
        Assert.True(code == 0, log);
        var nb = Support.Cells(
            $"#i \"nuget: {dir}\"\n#r \"nuget: NotebookNN\"\nusing NotebookNN;\nusing NotebookNN.Layers;",
            "var m = new Sequential([new Dense(2, inputShape: [3])]);\nm.Compile(loss: \"mse\", optimizer: \"sgd\");\nm.Summary()",
            "var h = m.Fit(Tensor.Ones([4, 3]), Tensor.Ones([4, 2]), epochs: 2, verbose: 1);",
            "h.Plot()");
        var result = new NotebookExecutor().Run(nb);
        Assert.True(result.Succeeded, result.Error + string.Join("\n", nb.Cells.SelectMany(c => c.Outputs).Select(o => o.ToJsonString())));
        Assert.Contains("Total params: 8", Support.Plain(nb.Cells[1].Outputs.Single()));
        Assert.Contains("<table", Support.Text(nb.Cells[1].Outputs.Single()["data"]!["text/html"]));
        // The extension's hook: one display updated in place to its final state, no text bar on stdout.
        var progress = Assert.Single(nb.Cells[2].Outputs);
        Assert.Equal("display_data", Support.OutputType(progress));
        Assert.Contains("Epoch 2/2", Support.Text(progress["data"]!["text/plain"]));
        Assert.Contains("newPlot(", Support.Text(nb.Cells[3].Outputs.Single()["data"]!["text/html"]));

        // The page is self-contained: the plotly.js that Plotly.NET carries is inlined in its head, before any chart.
        string page = HtmlPage.Render(nb, "t");
        int head = page.IndexOf("</head>", StringComparison.Ordinal);
        Assert.True(head > 1_000_000, $"expected plotly.js inlined in the head; head is {head} characters");
        Assert.True(page.IndexOf("newPlot(", head, StringComparison.Ordinal) > head);
        Directory.Delete(dir, true);
    }
}
