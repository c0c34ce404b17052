using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace NotebookNN.Runner.Tests;

/// <summary>Reading notebooks saved by VS Code (.ipynb) and .dib files; writing valid nbformat 4; the HTML page.</summary>
public class FormatTests
{
    // As VS Code's Polyglot Notebooks saves it: kernelspec .net-csharp, language_info polyglot-notebook, per-cell kernel names.
    internal const string VsCodeNotebook = """
        {
         "cells": [
          { "cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "Some *text*."] },
          { "cell_type": "code", "execution_count": null,
            "metadata": { "dotnet_interactive": { "language": "csharp" }, "polyglot_notebook": { "kernelName": "csharp" } },
            "outputs": [], "source": ["var n = 6;\n", "n * 7"] },
          { "cell_type": "code", "execution_count": null, "metadata": { "polyglot_notebook": { "kernelName": "csharp" }, "tags": ["keep"] },
            "outputs": [], "source": "display(n + 1);" }
         ],
         "metadata": {
          "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" },
          "language_info": { "name": "polyglot-notebook" },
          "polyglot_notebook": { "kernelInfo": { "defaultKernelName": "csharp", "items": [ { "aliases": [], "name": "csharp" } ] } }
         },
         "nbformat": 4, "nbformat_minor": 2
        }
        """;

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [SkippableFact]
    public async Task A_VS_Code_notebook_runs_and_is_written_back_as_valid_nbformat_keeping_its_metadata()
    {
        var dir = Support.TempDir();
        var nb = NotebookFile.Load(Write(dir, "nb.ipynb", VsCodeNotebook));
        Assert.Equal(["markdown", "csharp", "csharp"], nb.Elements.Select(c => c.KernelName));
        Assert.Equal("var n = 6;\nn * 7", nb.Elements[1].Contents);
        Assert.True((await Support.RunAsync(nb)).Succeeded);

        var path = Write(dir, "out.ipynb", NotebookFile.ToIpynb(nb));
        var written = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(".net-csharp", written["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", written["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", written["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        var cells = (JsonArray)written["cells"]!;
        Assert.Equal(["# Title\n", "Some *text*."], ((JsonArray)cells[0]!["source"]!).Select(l => l!.GetValue<string>()));
        Assert.Equal(["cell-1", "cell-2", "cell-3"], cells.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(1, cells[1]!["execution_count"]!.GetValue<int>());
        var result = cells[1]!["outputs"]![0]!;
        Assert.Equal("execute_result", result["output_type"]!.GetValue<string>());
        Assert.Contains("<pre>42</pre>", string.Concat(((JsonArray)result["data"]!["text/html"]!).Select(l => l!.GetValue<string>())));
        Assert.Equal("keep", cells[2]!["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal("csharp", cells[2]!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("display_data", cells[2]!["outputs"]![0]!["output_type"]!.GetValue<string>());
        Support.ValidateWithNbformat(path);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task A_first_line_kernel_magic_in_an_ipynb_cell_names_its_language()
    {
        var dir = Support.TempDir();
        var nb = NotebookFile.Load(Write(dir, "nb.ipynb", """
            { "cells": [ { "cell_type": "code", "metadata": {}, "outputs": [], "source": ["#!csharp\n", "1 + 2"] },
                         { "cell_type": "code", "metadata": {}, "outputs": [], "source": ["#!fsharp\n", "1 + 2"] } ],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5 }
            """));
        Assert.Equal(["csharp", "fsharp"], nb.Elements.Select(c => c.KernelName));
        var result = await Support.RunAsync(nb);
        Assert.Contains("<pre>3</pre>", Support.Html(nb.Elements[0].Outputs.Single()));   // the kernel reads the magic line itself
        Assert.Equal(2, result.FailedCell);
        Directory.Delete(dir, true);
    }

    [SkippableFact]
    public async Task A_dib_file_splits_into_kernel_cells_and_its_meta_becomes_the_notebooks_kernel_info()
    {
        var dir = Support.TempDir();
        var nb = NotebookFile.Load(Write(dir, "nb.dib", """
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}

            #!markdown

            # Heading

            #!csharp

            var s = "dib";
            s.ToUpper()

            #!fsharp

            let x = 1
            """));
        Assert.Equal(["markdown", "csharp", "fsharp"], nb.Elements.Select(c => c.KernelName));
        Assert.Equal("var s = \"dib\";\ns.ToUpper()", nb.Elements[1].Contents);
        nb.Elements.RemoveAt(2);
        Assert.True((await Support.RunAsync(nb)).Succeeded);
        Assert.Equal("DIB", Support.Plain(nb.Elements[1].Outputs[0]));

        var path = Write(dir, "out.ipynb", NotebookFile.ToIpynb(nb));
        var meta = JsonNode.Parse(File.ReadAllText(path))!["metadata"]!;
        Assert.Equal("csharp", meta["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal(".net-csharp", meta["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Null(meta["kernelInfo"]);
        Support.ValidateWithNbformat(path);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Html_page_renders_markdown_code_and_outputs()
    {
        var nb = Support.Cells("# md ## Part *one*\n- item `x`", "display(\"<b>&\");\n\"shown as **markdown**\".DisplayAs(\"text/markdown\");\n6 * 7", "throw new Exception(\"<oops>\");");
        await Support.RunAsync(nb);
        string html = HtmlPage.Render(nb, "t");
        Assert.Contains("<h2>Part <i>one</i></h2>", html);
        Assert.Contains("<li>item <code>x</code></li>", html);
        Assert.Contains("display(&quot;&lt;b&gt;&amp;&quot;);", html);   // source escaped
        Assert.Contains("<pre>&lt;b&gt;&amp;</pre>", html);   // a string displays as plain text
        Assert.Contains("<p>shown as <b>markdown</b></p>", html);   // a markdown display (as extension.dib's markdown cells show)
        Assert.Contains("<pre>42</pre>", html);   // the kernel's HTML of a result, inline
        Assert.Contains("<div class=\"out err\"><pre>System.Exception: &lt;oops&gt;", html);
    }
}
