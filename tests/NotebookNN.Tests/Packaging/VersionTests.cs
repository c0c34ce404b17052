namespace NotebookNN.Tests.Packaging;

/// <summary>Version.targets in a scratch git repository laid out as this one (src/NotebookNN, README.md): the version
/// follows the commits and every uncommitted change, so a kernel never loads a stale build from the NuGet cache.</summary>
public sealed class VersionTests : IDisposable
{
    private readonly string _repo = Path.Combine(Path.GetTempPath(), "nnn-version-" + Guid.NewGuid().ToString("N"));
    private string Project => Path.Combine(_repo, "src", "NotebookNN", "NotebookNN.proj");

    public VersionTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Project)!);
        File.Copy(PackedPackage.RepoFile("Version.targets"), Path.Combine(_repo, "Version.targets"));
        File.WriteAllText(Project, """
            <Project>
              <PropertyGroup><BaseIntermediateOutputPath>obj/</BaseIntermediateOutputPath></PropertyGroup>
              <Import Project="../../Version.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_repo, ".gitignore"), "obj/\n");
        File.WriteAllText(Path.Combine(_repo, "README.md"), "# readme\n");
        Write("Layer.cs", "class Layer {}");
    }

    [SkippableFact]
    public void Each_commit_and_each_uncommitted_change_gets_a_higher_stable_version()
    {
        Skip.If(!Git("init", "-q"), "git is not available");
        Commit();
        var first = Version();
        Assert.Equal(new System.Version(0, 1, 1, CommitStamp()), first);
        Assert.Equal(first, Version());                      // the same files: the same version (build, then pack)
        Assert.Equal("0.1.1", VersionText("-p:NotebookNNRelease=true"));
        File.WriteAllText(Path.Combine(_repo, "notes.txt"), "not a package input");
        Assert.Equal(first, Version());

        Write("Layer.cs", "class Layer { int x; }");
        var edited = Version();
        Assert.True(edited > first, $"{edited} after {first}");
        Assert.Equal(edited, Version());
        Assert.Contains("uncommitted: src/NotebookNN/Layer.cs", VersionText("-p:NotebookNNRelease=true", expectFailure: true));

        Write("Layer.cs", "class Layer { int y; }");     // within the same second as the edit before
        var editedAgain = Version();
        Assert.True(editedAgain > edited, $"{editedAgain} after {edited}");
        Write("Dense.cs", "class Dense {}");              // untracked
        var added = Version();
        Assert.True(added > editedAgain, $"{added} after {editedAgain}");

        Commit();
        var second = Version();
        Assert.Equal(new System.Version(0, 1, 2, CommitStamp()), second);
        Assert.True(second > added);
        Assert.Equal("0.1.2", VersionText("-p:NotebookNNRelease=true"));
        Assert.Equal("5.6.7", VersionText("-p:Version=5.6.7"));
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Path.GetDirectoryName(Project)!, name), text);

    private void Commit()
    {
        Assert.True(Git("add", "-A"));
        Assert.True(Git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "c"));
    }

    private int CommitStamp() =>
        (int)(long.Parse(PackedPackage.Run("git", ["log", "-1", "--format=%ct"], out _, _repo).Trim()) - 1767225600); // since 2026-01-01 UTC

    private System.Version Version() => System.Version.Parse(VersionText());

    private string VersionText(string? property = null, bool expectFailure = false)
    {
        string[] args = ["msbuild", Project, "-t:NotebookNNVersion", "-getProperty:Version", "-nologo", .. property is null ? [] : new[] { property }];
        string output = PackedPackage.Run("dotnet", args, out int exit, _repo).Trim();
        Assert.True(expectFailure ? exit != 0 : exit == 0, output);
        return output;
    }

    private bool Git(params string[] args)
    {
        try { PackedPackage.Run("git", args, out int exit, _repo); return exit == 0; }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    public void Dispose() { if (Directory.Exists(_repo)) Directory.Delete(_repo, true); }
}
