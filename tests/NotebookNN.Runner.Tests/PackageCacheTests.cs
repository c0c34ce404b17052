namespace NotebookNN.Runner.Tests;

/// <summary>The NuGet cache's folder names of versions (NuGet's normalized form), which eviction looks up.</summary>
public class PackageCacheTests
{
    [Theory]
    [InlineData("1.2", "1.2.0")]
    [InlineData("1.2.3.0", "1.2.3")]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("01.002.3", "1.2.3")]
    [InlineData("0.1.0", "0.1.0")]
    [InlineData("1.0.0-Beta.2+build.7", "1.0.0-Beta.2")]
    public void Versions_are_named_as_NuGet_names_their_cache_folders(string version, string folder) =>
        Assert.Equal(folder, PackageCache.NormalizedVersion(version));
}
