using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NotebookNN.Tests.Packaging;

/// <summary>
/// A tutorial's <c>using NotebookNN;</c> keeps reaching Tensor, Model, GradientTape, KFold, the tuners and
/// <c>history.Plot()</c>: the package's props (a project) and its extension (the kernel) import the same namespaces.
/// </summary>
public class ImplicitUsingsTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    [Fact]
    public void Props_and_extension_import_the_same_namespaces_and_each_holds_the_types_a_tutorial_names()
    {
        using var zip = ZipFile.OpenRead(package.Nupkg);
        string Entry(string name) => new StreamReader(zip.GetEntry(name)!.Open()).ReadToEnd();

        var props = XDocument.Parse(Entry("buildTransitive/NotebookNN.props"));
        var fromProps = props.Descendants().Where(e => e.Name.LocalName == "Using")
            .Select(e => (string)e.Attribute("Include")!).ToList();
        Assert.Equal(Entry("build/NotebookNN.props"), Entry("buildTransitive/NotebookNN.props"));
        var fromExtension = Regex.Matches(Entry("interactive-extensions/dotnet/extension.dib"), @"^using (NotebookNN[\w.]*);", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(fromProps, fromExtension);

        var namespaces = typeof(Tensor).Assembly.GetExportedTypes().Select(t => t.Namespace).ToHashSet();
        Assert.All(fromProps, ns => Assert.Contains(ns, namespaces));
        // what API.md's code names after `using NotebookNN;` alone, and Callback / History, which API.md lists under
        // `using NotebookNN.Callbacks;` but which share Model's folder (DEVELOPERS.md, "Folders and namespaces")
        foreach (var type in new[] { typeof(Tensor), typeof(Shape), typeof(Sequential), typeof(Model), typeof(GradientTape),
                     typeof(Callback), typeof(History),
                     typeof(KFold), typeof(StandardScaler), typeof(RandomSearch), typeof(Keras), typeof(Utils), typeof(global::NotebookNN.Sklearn),
                     typeof(global::NotebookNN.Plotting.HistoryPlotExtensions) })
            Assert.Contains(type.Namespace, fromProps);
    }
}
