using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace NotebookNN.Bench;

/// <summary>
/// "sgd": the Fashion-MNIST tutorial's logistic baseline, <c>SGDClassifier(loss: "log_loss", maxIter: 20, randomState: 42)</c>,
/// on 55,000 × 784 rows (the real MNIST test images tiled to the tutorial's size, / 255 in float32): one Fit with the
/// classes one after the other (scikit-learn's n_jobs=None) and <c>Sklearn.CrossValidate(sgd, x, y, nJobs: -1)</c>,
/// timed once each; then scikit-learn on the same rows (bench/peers/sklearn_sgd.py). Figures in runs/min, higher is
/// better. Options: <c>--no-peer</c>, <c>--data &lt;mnist-t10k folder&gt;</c>.
/// </summary>
internal static class SgdBench
{
    private const int N = 55000;

    public static int Run(string[] args)
    {
        int d = Array.IndexOf(args, "--data");
        var folder = d >= 0 ? args[d + 1] : Path.Combine(RepoRoot(), "..", "shared", "datasets", "mnist-t10k");
        var images = Idx(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), 16);
        var labels = Idx(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), 8);
        int m = labels.Length;
        var x = new float[N * 784];
        var y = new float[N];
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < 784; j++) x[i * 784 + j] = images[i % m * 784 + j] / 255f;
            y[i] = labels[i % m];
        }
        var (tx, ty) = (Tensor.From(x, [N, 784]), Tensor.From(y));
        if (args.Contains("--lockstep")) return Lockstep(x, y);
        var peers = new Dictionary<string, Dictionary<string, double>>();
        using (SklearnWarnings.Capture([]))
        {
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clf = new SGDClassifier(loss: "log_loss", maxIter: 20, randomState: 42).Fit(tx, ty);
            double fit = sw.Elapsed.TotalSeconds, fitCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notebooknn sgd_fit_{N}x784 {60 / fit:G6} runs/min ({fit:F2} s, n_iter {clf.NIter})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notebooknn sgd_fit_cpu_{N}x784 {60 / fitCpu:G6} runs/min ({fitCpu:F2} s of CPU)"));
            sw.Restart();
            var scores = NotebookNN.Sklearn.CrossValidate(new SGDClassifier(loss: "log_loss", maxIter: 20, randomState: 42), tx, ty, nJobs: -1);
            double cv = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notebooknn sgd_cv5_{N}x784 {60 / cv:G6} runs/min ({cv:F2} s, mean test score {scores["test_score"].Average():F6})"));
            if (args.Contains("--no-peer")) return 0;
            peers["sklearn"] = PeerFigures.Run("sklearn", "/usr/bin/python3", [PeerFigures.OwnPeerScript("sklearn_sgd.py"), folder]);
            PeerFigures.PrintRatios($"sgd_fit_{N}x784", 60 / fit, peers);
            PeerFigures.PrintRatios($"sgd_fit_cpu_{N}x784", 60 / fitCpu, peers);
            PeerFigures.PrintRatios($"sgd_cv5_{N}x784", 60 / cv, peers);
        }
        return 0;
    }

    /// <summary>The classes advancing together (one group of 10) against one at a time, 2 epochs each, CPU seconds, alternated 3 times.</summary>
    private static int Lockstep(float[] x, float[] y)
    {
        var settings = SgdParameters.Check("log_loss", "l2", 1e-4, 2, null, true, "optimal", 0, 0.5, 5, true);
        var rows = Enumerable.Range(0, N).ToArray();
        var ys = Enumerable.Range(0, 10).Select(c => y.Select(v => v == c ? 1.0 : -1.0).ToArray()).ToArray();
        var seeds = Enumerable.Range(1, 10).Select(i => (uint)i).ToArray();
        for (int round = 0; round < 3; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            PlainSgd.Fit(x, 0, 784, rows, ys, seeds, settings);
            double together = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (int c = 0; c < 10; c++) PlainSgd.Fit(x, 0, 784, rows, [ys[c]], [seeds[c]], settings);
            double alone = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lockstep round {round}: 10 together {together:F2} s CPU, one at a time {alone:F2} s CPU, {alone / together:F2}x"));
        }
        return 0;
    }

    private static byte[] Idx(string path, int header)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray()[header..];
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NotebookNN.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
