using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookNN.Callbacks;
using NotebookNN.Tests.Formatting;

namespace NotebookNN.Tests.Packaging;

/// <summary>
/// Compiles the C# cells of <c>extension.dib</c> against NotebookNN, Plotly.NET and the Formatting package, with a
/// stand-in for the kernel's <c>Kernel.display</c> (the one kernel API it uses that is not obtainable here), then runs
/// them and checks what they wire.
/// </summary>
[Collection("DisplayHook")]
public class ExtensionTests
{
    internal static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NotebookNN.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }

    private const string KernelStandIn = """
        namespace Microsoft.DotNet.Interactive
        {
            public sealed class DisplayedValue { public System.Collections.Generic.List<object> Values = new(); public void Update(object v) => Values.Add(v); }
            public static class Kernel
            {
                public static System.Collections.Generic.List<DisplayedValue> Shown = new();
                public static DisplayedValue display(object value, params string[] mimeTypes) { var d = new DisplayedValue(); d.Values.Add(value); Shown.Add(d); return d; }
            }
        }
        """;

    [Fact]
    public void Extension_dib_compiles_against_the_public_api_and_wires_hook_and_chart_formatter()
    {
        var dib = File.ReadAllText(RepoFile("src", "NotebookNN", "interactive-extensions", "dotnet", "extension.dib"));
        var cells = Regex.Split(dib, @"^#!", RegexOptions.Multiline).Where(c => c.StartsWith("csharp")).Select(c => c["csharp".Length..]).ToList();
        Assert.NotEmpty(cells);
        var code = string.Join("\n", cells);
        var usings = string.Join("\n", code.Split('\n').Where(l => l.TrimStart().StartsWith("using ") && l.TrimEnd().EndsWith(";")));
        var body = string.Join("\n", code.Split('\n').Where(l => !(l.TrimStart().StartsWith("using ") && l.TrimEnd().EndsWith(";"))));
        var source = usings + "\npublic static class Cell { public static void Run() {\n" + body + "\n} }";
        var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p)).ToList();
        var compilation = CSharpCompilation.Create("extension_dib", [CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(KernelStandIn)],
            refs, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var ms = new MemoryStream();
        var result = compilation.Emit(ms);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var asm = Assembly.Load(ms.ToArray());
        try
        {
            asm.GetType("Cell")!.GetMethod("Run")!.Invoke(null, null);
            Assert.NotNull(DisplayHook.Display);
            var update = DisplayHook.Display!("first");
            update("second");
            var shown = (System.Collections.IList)asm.GetType("Microsoft.DotNet.Interactive.Kernel")!.GetField("Shown")!.GetValue(null)!;
            var values = (List<object>)shown[0]!.GetType().GetField("Values")!.GetValue(shown[0])!;
            Assert.Equal(["first", "second"], values);

            var chart = Plotly.NET.GenericChart.ofTraceObject(true, new Plotly.NET.Trace2D("scatter"));
            var html = chart.ToDisplayString("text/html");
            Assert.Contains("cdn.plot.ly/plotly-2.28.0.min", html);
            Assert.Contains("newPlot(", html);
            Assert.Equal("Chart: scatter", chart.ToDisplayString("text/plain"));
        }
        finally { DisplayHook.Display = null; }
    }
}
