using System.IO.Compression;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.DotNet.Interactive;

namespace NotebookNN.Runner.Tests;

/// <summary>
/// A tiny NuGet package built in the test: lib/net10.0/TinyPkg.dll (<c>TinyPkg.Greeter</c>), optionally an
/// <c>interactive-extensions/dotnet/extension.dib</c> and a compiled <see cref="IKernelExtension"/> beside it. Each has a
/// version of its own, since the kernel restores into the NuGet cache, which keeps a package by id and version.
/// </summary>
internal sealed class TestPackage : IDisposable
{
    public const string Id = "NotebookNN.Runner.TinyPkg";
    public string Version { get; } = "1.0.0-t" + Guid.NewGuid().ToString("N")[..12];
    public string Folder { get; } = Support.TempDir();
    public string Reference => $"#r \"nuget: {Id}, {Version}\"";

    public const string ExtensionDib = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\"}}\n\n#!csharp\n\nTinyPkg.Greeter.Prefix = \"Hello, \";\ndisplay(\"tiny extension loaded\");\n";

    /// <summary>An extension.dib that only shows <paramref name="text"/>.</summary>
    public static string Showing(string text) => $"#!csharp\n\ndisplay(\"{text}\");\n";

    /// <summary>An <see cref="IKernelExtension"/>: shows that it loaded and defines <c>loadedBy</c> for the next submission.</summary>
    public const string KernelExtension = """
        using System.Threading.Tasks;
        using Microsoft.DotNet.Interactive;
        using Microsoft.DotNet.Interactive.Commands;
        namespace TinyExt
        {
            public class Extension : IKernelExtension
            {
                public Task OnLoadAsync(Kernel kernel)
                {
                    KernelInvocationContextExtensions.Display(KernelInvocationContext.Current, "TinyExt loaded into " + kernel.GetType().Name, "text/plain");
                    ((CompositeKernel)kernel).FindKernelByName("csharp").DeferCommand(new SubmitCode("var loadedBy = \"TinyExt\";"));
                    return Task.CompletedTask;
                }
            }
        }
        """;

    /// <summary>Writes the package's .nupkg into <see cref="Folder"/>.</summary>
    public TestPackage Build(string greeterPrefix = "?", string? extensionDib = ExtensionDib, string? kernelExtension = null)
    {
        string nupkg = Path.Combine(Folder, $"{Id}.{Version}.nupkg");
        File.Delete(nupkg);
        using var zip = ZipFile.Open(nupkg, ZipArchiveMode.Create);
        Add(zip, "lib/net10.0/TinyPkg.dll", Compile("TinyPkg", $"namespace TinyPkg {{ public static class Greeter {{ public static string Prefix = \"{greeterPrefix}\"; public static string Hello(string n) => Prefix + n; }} }}"));
        Add(zip, $"{Id}.nuspec", System.Text.Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><id>{Id}</id><version>{Version}</version><authors>t</authors><description>t</description></metadata></package>"));
        if (extensionDib is not null) Add(zip, "interactive-extensions/dotnet/extension.dib", System.Text.Encoding.UTF8.GetBytes(extensionDib));
        if (kernelExtension is not null) Add(zip, "interactive-extensions/dotnet/TinyExt.dll", Compile("TinyExt", kernelExtension, typeof(IKernelExtension).Assembly.Location));
        return this;
    }

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        using var s = zip.CreateEntry(path).Open();
        s.Write(content);
    }

    /// <summary>A library compiled against the framework (and the given assemblies).</summary>
    public static byte[] Compile(string name, string source, params string[] references)
    {
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Concat(references).Select(p => MetadataReference.CreateFromFile(p));
        using var dll = new MemoryStream();
        var result = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(dll);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return dll.ToArray();
    }

    /// <summary>Removes the source folder and the copy the kernel restored into the NuGet cache.</summary>
    public void Dispose()
    {
        Directory.Delete(Folder, true);
        var cached = Path.Combine(PackageCache.Root, Id.ToLowerInvariant(), Version.ToLowerInvariant());
        if (Directory.Exists(cached)) Directory.Delete(cached, true);
    }
}
