using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace NotebookNN.Tests.Packaging;

/// <summary>Packs the library (<c>dotnet pack --no-build</c> of the configuration under test) and opens the nupkg.</summary>
public class NupkgTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void Nupkg_has_the_extension_entry_and_declares_dependencies()
    {
        string outDir = Path.Combine(Path.GetTempPath(), "nnn-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var psi = new ProcessStartInfo("dotnet", ["pack", RepoFile("src", "NotebookNN", "NotebookNN.csproj"),
                "--no-build", "-c", Configuration, "-o", outDir, "-nologo"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            string log = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, log);
            var nupkg = Assert.Single(Directory.GetFiles(outDir, "NotebookNN.*.nupkg"));
            Assert.Matches(@"NotebookNN\.\d+\.\d+\.\d+.*\.nupkg$", nupkg);
            using var zip = ZipFile.OpenRead(nupkg);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("interactive-extensions/dotnet/extension.dib", names);
            Assert.Contains("lib/net10.0/NotebookNN.dll", names);
            using var dib = new StreamReader(zip.GetEntry("interactive-extensions/dotnet/extension.dib")!.Open());
            Assert.Contains("DisplayHook.Display", dib.ReadToEnd());

            var nuspecEntry = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec"));
            using var s = nuspecEntry.Open();
            var doc = XDocument.Load(s);
            var deps = doc.Descendants().Where(e => e.Name.LocalName == "dependency")
                .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
            Assert.Equal("6.0.0", deps["Plotly.NET"]);
            Assert.Equal("1.16.7", deps["StbImageWriteSharp"]);
            Assert.Contains("System.Numerics.Tensors", deps.Keys);
            Assert.DoesNotContain(deps.Keys, k => k.StartsWith("Microsoft.DotNet.Interactive"));
        }
        finally { if (Directory.Exists(outDir)) Directory.Delete(outDir, true); }
    }

    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NotebookNN.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }
}
