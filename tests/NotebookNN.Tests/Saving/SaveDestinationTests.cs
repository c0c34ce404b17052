using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Saving;

using KerasModels = global::NotebookNN.Keras.Models;

/// <summary>
/// Where saves go: bad destinations fail before anything is written with a message about the path the user gave, and
/// the temporary files of saves that were killed mid-write (SIGKILL to a real child process) are removed by the next save.
/// </summary>
public sealed class SaveDestinationTests : TempFolderTests
{

    private static Sequential Small()
    {
        var m = new Sequential().Add(new Input(shape: [4])).Add(new Dense(3, activation: "softmax"));
        m.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy");
        return m;
    }

    /// <summary>The temporary files beside <paramref name="target"/>, as saves name them.</summary>
    private static string[] TempsOf(string target) =>
        Directory.GetFiles(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".*.tmp");

    [Fact]
    public void SavesKilledMidWriteLeaveTempFilesThatTheNextSaveRemoves()
    {
        var target = PathOf("m.keras");
        const int Kills = 3;
        for (int k = 0; k < Kills; k++)
        {
            var before = TempsOf(target).ToHashSet();
            using var child = ChildProcess.Start("save-until-killed", target);
            try
            {
                var first = child.StandardOutput.ReadLine();
                Assert.True(first == "ready", $"the child said '{first}': {(first is null ? child.StandardError.ReadToEnd() : "")}");
                var deadline = DateTime.UtcNow.AddSeconds(120);
                while (!TempsOf(target).Except(before).Any() && DateTime.UtcNow < deadline) Thread.Sleep(2);
                Assert.True(TempsOf(target).Except(before).Any(), "the child never started writing a save");
            }
            finally
            {
                child.Kill();          // SIGKILL on Unix: no handler, no finally block runs in the child
                child.WaitForExit();
            }
        }
        Assert.NotEmpty(TempsOf(target)); // the last kill left its half-written file (each child's first save removed the earlier ones)

        var model = Small();
        model.Save(target);
        Assert.Empty(TempsOf(target));
        var x = Tensor.RandomNormal([5, 4], seed: 3);
        Assert.Equal(model.Predict(x, verbose: 0).ToArray(), KerasModels.LoadModel(target).Predict(x, verbose: 0).ToArray());
    }

    [Fact]
    public void TempFilesOfARunningProcessAreKeptAndOthersLeftAlone()
    {
        var target = PathOf("m.keras");
        var live = PathOf($".m.keras.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");     // a save in progress here
        var gone = PathOf($".m.keras.{int.MaxValue}.{Guid.NewGuid():N}.tmp");             // no process has that id
        var otherTarget = PathOf($".other.keras.{int.MaxValue}.{Guid.NewGuid():N}.tmp");  // another file's
        var legacyOld = PathOf($".m.keras.{Guid.NewGuid():N}.tmp");                       // an older version's, long untouched
        var legacyNew = PathOf($".m.keras.{Guid.NewGuid():N}.tmp");                       // an older version's, just written
        foreach (var f in new[] { live, gone, otherTarget, legacyOld, legacyNew }) File.WriteAllBytes(f, [1]);
        File.SetLastWriteTimeUtc(legacyOld, DateTime.UtcNow.AddHours(-1));
        Small().Save(target);
        Assert.True(File.Exists(live));
        Assert.False(File.Exists(gone));
        Assert.True(File.Exists(otherTarget));
        Assert.False(File.Exists(legacyOld));
        Assert.True(File.Exists(legacyNew));
    }

    [Fact]
    public void ADirectoryIsRefusedBeforeAnythingIsWritten()
    {
        var model = Small();
        var dir = Directory.CreateDirectory(PathOf("checkpoints")).FullName;
        foreach (var save in new Action<string>[] { model.Save, model.SaveWeights })
        {
            var e = Assert.Throws<IOException>(() => save(dir));
            Assert.Contains($"Filepath used is a directory: '{dir}'", e.Message);
            Assert.Contains(Path.Combine(dir, "model.keras"), e.Message);
            Assert.DoesNotContain(".tmp", e.Message);
            Assert.Empty(Directory.GetFileSystemEntries(dir));
            Assert.Single(Directory.GetFileSystemEntries(Folder));
        }
    }

    [Fact]
    public void APathUnderAFileIsRefusedNamingTheFile()
    {
        var model = Small();
        var file = PathOf("notes.txt");
        File.WriteAllText(file, "x");
        foreach (var save in new Action<string>[] { model.Save, model.SaveWeights })
        {
            var e = Assert.Throws<IOException>(() => save(Path.Combine(file, "sub", "m.keras")));
            Assert.Equal($"Cannot save the {(save == model.Save ? "model" : "weights")} to '{Path.Combine(file, "sub", "m.keras")}': '{file}' is a file, not a folder.", e.Message);
        }
        Assert.Equal("x", File.ReadAllText(file));
    }

    [SkippableFact]
    public void AFolderThatTakesNoNewFilesIsRefusedNamingTheUsersPath()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/proc/self exists on Linux only");
        var model = Small();
        foreach (var save in new Action<string>[] { model.Save, model.SaveWeights })
        {
            var e = Assert.Throws<IOException>(() => save("/proc/self/x.keras"));
            Assert.StartsWith("Cannot save the ", e.Message);
            Assert.Contains("to '/proc/self/x.keras': no file can be created in the folder '/proc/self'", e.Message);
            Assert.DoesNotContain(".tmp", e.Message);
        }
    }

    /// <summary>Counts finished epochs.</summary>
    private sealed class EpochCounter : Callback
    {
        public int Epochs;
        public override void OnEpochEnd(int epoch, IDictionary<string, double> logs) => Epochs++;
    }

    [Fact]
    public void ModelCheckpointChecksItsPathBeforeTheFirstEpoch()
    {
        var model = Small();
        var x = Tensor.RandomNormal([16, 4], seed: 1);
        var y = Tensor.From(Enumerable.Range(0, 16).Select(i => (float)(i % 3)).ToArray());
        var file = PathOf("notes.txt");
        File.WriteAllText(file, "x");
        var dir = Directory.CreateDirectory(PathOf("ckpt")).FullName;
        foreach (var (path, expected) in new[]
                 {
                     (dir, $"Filepath used is a directory: '{dir}'"),
                     (Path.Combine(file, "e{epoch:02d}.keras"), $"'{file}' is a file, not a folder."),
                 })
        {
            var counter = new EpochCounter();
            var e = Assert.Throws<IOException>(() => model.Fit(x, y, epochs: 2, verbose: 0, callbacks: [new ModelCheckpoint(path), counter]));
            Assert.Contains(expected, e.Message);
            Assert.Equal(0, counter.Epochs);
        }
        Assert.Empty(Directory.GetFileSystemEntries(dir));

        // A good pattern still saves once per epoch, and the check leaves nothing behind.
        var good = PathOf("run/e{epoch:02d}.keras");
        model.Fit(x, y, epochs: 2, verbose: 0, callbacks: [new ModelCheckpoint(good)]);
        Assert.Equal(["e01.keras", "e02.keras"], Directory.GetFiles(PathOf("run")).Select(Path.GetFileName).Order());
    }
}
