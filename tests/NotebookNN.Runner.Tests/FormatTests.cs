using System.Text.Json.Nodes;

namespace NotebookNN.Runner.Tests;

/// <summary>Reading notebooks saved by VS Code (.ipynb) and .dib files; writing valid nbformat 4.</summary>
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

    [SkippableFact]
    public void A_VS_Code_notebook_runs_and_is_written_back_as_valid_nbformat_keeping_its_metadata()
    {
        var nb = IpynbFormat.Parse(VsCodeNotebook);
        Assert.Equal(["markdown", "code", "code"], nb.Cells.Select(c => c.Kind));
        Assert.Equal("var n = 6;\nn * 7", nb.Cells[1].Source);
        Assert.True(new NotebookExecutor().Run(nb).Succeeded);

        var written = JsonNode.Parse(IpynbFormat.Write(nb))!;
        Assert.Equal(".net-csharp", written["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", written["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", written["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        var cells = (JsonArray)written["cells"]!;
        Assert.Equal(["# Title\n", "Some *text*."], ((JsonArray)cells[0]!["source"]!).Select(l => l!.GetValue<string>()));
        Assert.Equal(1, cells[1]!["execution_count"]!.GetValue<int>());
        Assert.Equal("42", Support.Plain((JsonObject)cells[1]!["outputs"]![0]!));
        Assert.Equal("keep", cells[2]!["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal("7", Support.Plain((JsonObject)cells[2]!["outputs"]![0]!));

        var dir = Support.TempDir();
        var path = Path.Combine(dir, "out.ipynb");
        File.WriteAllText(path, written.ToJsonString());
        Support.ValidateWithNbformat(path);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_first_line_kernel_magic_in_an_ipynb_cell_names_its_language()
    {
        var nb = IpynbFormat.Parse("""
            { "cells": [ { "cell_type": "code", "metadata": {}, "outputs": [], "source": ["#!csharp\n", "1 + 2"] },
                         { "cell_type": "code", "metadata": {}, "outputs": [], "source": ["#!fsharp\n", "1 + 2"] } ],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5 }
            """);
        Assert.Equal(["csharp", "fsharp"], nb.Cells.Select(c => c.Language));
        Assert.Equal("1 + 2", nb.Cells[0].Source);
    }

    [Fact]
    public void A_dib_file_splits_into_kernel_cells_and_its_meta_becomes_notebook_metadata()
    {
        var nb = DibFormat.Parse("""
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}

            #!markdown

            # Heading

            #!csharp

            var s = "dib";
            s.ToUpper()

            #!fsharp

            let x = 1
            """);
        Assert.Equal(["markdown", "code", "code"], nb.Cells.Select(c => c.Kind));
        Assert.Equal(["markdown", "csharp", "fsharp"], nb.Cells.Select(c => c.Language));
        Assert.Equal("var s = \"dib\";\ns.ToUpper()", nb.Cells[1].Source);
        Assert.Equal("csharp", nb.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        nb.Cells.RemoveAt(2);
        Assert.True(new NotebookExecutor().Run(nb).Succeeded);
        Assert.Equal("DIB", Support.Plain(nb.Cells[1].Outputs[0]));
    }

    [Fact]
    public void Html_page_renders_markdown_code_and_outputs()
    {
        var nb = Support.Cells("# md ## Part *one*\n- item `x`", "display(\"<b>&\");\n6 * 7");
        Assert.True(new NotebookExecutor().Run(nb).Succeeded);
        string html = HtmlPage.Render(nb, "t");
        Assert.Contains("<h2>Part <i>one</i></h2>", html);
        Assert.Contains("<li>item <code>x</code></li>", html);
        Assert.Contains("display(&quot;&lt;b&gt;&amp;&quot;);", html);   // source escaped
        Assert.Contains("42", html);
    }
}
