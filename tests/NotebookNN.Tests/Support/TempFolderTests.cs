namespace NotebookNN.Tests.Support;

/// <summary>A test class whose every test gets a temporary folder of its own, deleted when the test ends.</summary>
public abstract class TempFolderTests : IDisposable
{
    /// <summary>The test's folder.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("nnn-test-").FullName;

    /// <summary>A path in the test's folder.</summary>
    protected string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
