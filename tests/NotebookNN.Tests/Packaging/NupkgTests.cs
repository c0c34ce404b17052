using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NotebookNN.Tests.Packaging;

/// <summary>The package as Polyglot Notebooks and nuget.org see it.</summary>
public class NupkgTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    [Fact]
    public void Nupkg_has_the_extension_entry_and_declares_dependencies()
    {
        Assert.Matches(@"NotebookNN\.\d+\.\d+\.\d+.*\.nupkg$", package.Nupkg);
        using var zip = ZipFile.OpenRead(package.Nupkg);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("interactive-extensions/dotnet/extension.dib", names);
        Assert.Contains("lib/net10.0/NotebookNN.dll", names);
        using var dib = new StreamReader(zip.GetEntry("interactive-extensions/dotnet/extension.dib")!.Open());
        Assert.Contains("DisplayHook.Display", dib.ReadToEnd());

        var deps = package.Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
        Assert.Equal("6.0.0", deps["Plotly.NET"]);
        Assert.Equal("1.16.7", deps["StbImageWriteSharp"]);
        Assert.Equal("2.30.16", deps["StbImageSharp"]);
        Assert.Contains("System.Numerics.Tensors", deps.Keys);
        Assert.DoesNotContain(deps.Keys, k => k.StartsWith("Microsoft.DotNet.Interactive"));
    }

    [Fact]
    public void Nuspec_carries_what_nuget_org_shows()
    {
        // A stable version (no prerelease label): `#r "nuget: NotebookNN"` without a version resolves only stable ones.
        string version = package.Metadata("version")!.Value;
        Assert.Matches(@"^0\.1\.\d+(\.\d+)?$", version);
        Assert.Equal("expression", (string?)package.Metadata("license")!.Attribute("type"));
        Assert.Equal("MIT", package.Metadata("license")!.Value);
        var tags = package.Metadata("tags")!.Value.Split(' ');
        foreach (var tag in new[] { "polyglot-notebook", "dotnet-interactive", "keras", "deep-learning", "neural-network", "machine-learning", "tensor" })
            Assert.Contains(tag, tags);
        Assert.Contains("Keras", package.Metadata("description")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(package.Metadata("authors")?.Value));

        // The readme nuget.org renders is the repository's README.
        Assert.Equal("README.md", package.Metadata("readme")!.Value);
        using var zip = ZipFile.OpenRead(package.Nupkg);
        using (var readme = new StreamReader(zip.GetEntry("README.md")!.Open()))
            Assert.Equal(File.ReadAllText(PackedPackage.RepoFile("README.md")), readme.ReadToEnd());

        // Repository: git and the commit packed (no public URL exists yet, so none is claimed).
        var repository = package.Metadata("repository");
        Assert.NotNull(repository);
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Null(repository.Attribute("url"));
        if (GitHead() is { } head) Assert.Equal(head, (string?)repository.Attribute("commit"));

        // The assembly in the package says which package it came from.
        var informational = InformationalVersion(Bytes(zip, "lib/net10.0/NotebookNN.dll"));
        Assert.StartsWith(version + "+", informational);
        // ... and so does Keras.Version (the tutorials print tf.__version__): this build, packed without rebuilding.
        Assert.Equal(version, Keras.Version);
    }

    [Fact]
    public void Nupkg_has_the_xml_docs_and_a_symbols_package_beside_it()
    {
        using var zip = ZipFile.OpenRead(package.Nupkg);
        var doc = XDocument.Load(new MemoryStream(Bytes(zip, "lib/net10.0/NotebookNN.xml")));
        Assert.Equal("NotebookNN", doc.Root!.Element("assembly")!.Element("name")!.Value);
        var dense = doc.Descendants("member").Single(m => (string?)m.Attribute("name") == "T:NotebookNN.Layers.Dense");
        Assert.Contains("densely connected", dense.Element("summary")!.Value);

        Assert.NotNull(package.Snupkg);
        Assert.Equal(Path.GetFileNameWithoutExtension(package.Nupkg), Path.GetFileNameWithoutExtension(package.Snupkg));
        using var symbols = ZipFile.OpenRead(package.Snupkg!);
        var pdb = Bytes(symbols, "lib/net10.0/NotebookNN.pdb");
        Assert.Equal("BSJB"u8.ToArray(), pdb[..4]); // a portable pdb, the only kind nuget.org's symbol server takes
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".pdb"));
    }

    private static byte[] Bytes(ZipArchive zip, string entry)
    {
        using var s = zip.GetEntry(entry)!.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private static string InformationalVersion(byte[] dll)
    {
        using var pe = new PEReader(new MemoryStream(dll));
        var md = pe.GetMetadataReader();
        foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            var type = md.GetTypeReference((TypeReferenceHandle)md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent);
            if (md.GetString(type.Name) != "AssemblyInformationalVersionAttribute") continue;
            var value = md.GetBlobReader(attribute.Value);
            value.ReadUInt16(); // prolog
            return value.ReadSerializedString()!;
        }
        throw new InvalidOperationException("no AssemblyInformationalVersion");
    }

    private static string? GitHead()
    {
        try
        {
            string head = PackedPackage.Run("git", ["rev-parse", "HEAD"], out int exit, PackedPackage.RepoFile()).Trim();
            return exit == 0 && Regex.IsMatch(head, "^[0-9a-f]{40}$") ? head : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; } // no git
    }
}
