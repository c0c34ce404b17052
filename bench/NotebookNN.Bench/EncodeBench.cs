using System.Diagnostics;
using System.Globalization;

namespace NotebookNN.Bench;

/// <summary>
/// "encode": the IMDB tutorial's data preparation, <c>Utils.MultiHot</c> of 25,000 sequences into 10,000 columns (a
/// 1 GB float32 matrix), rows/s over the median of 5 after a warm-up, and the peak RSS the process reached; then the
/// numpy peer (bench/peers/numpy_multihot.py: the tutorial's vectorize_sequences in float64 and in float32) on the
/// same sequences. Options: <c>--no-peer</c>.
/// </summary>
internal static class EncodeBench
{
    private const int N = 25000, D = 10000;

    public static int Run(string[] args)
    {
        // the same sequences as the peer builds: sequence i has 50 + (i·7919) % 400 words, word j = (i·31 + j·17) % D
        var seqs = new int[N][];
        for (int i = 0; i < N; i++)
        {
            seqs[i] = new int[50 + i * 7919 % 400];
            for (int j = 0; j < seqs[i].Length; j++) seqs[i][j] = (int)(((long)i * 31 + j * 17) % D);
        }
        double rssBefore = TrainBench.PeakRssKiB();
        Utils.MultiHot(seqs, D);
        var times = new List<double>();
        for (int r = 0; r < 5; r++)
        {
            GC.Collect(); // the previous matrix is garbage: time the encoding, not a full collection inside it
            var sw = Stopwatch.StartNew();
            var m = Utils.MultiHot(seqs, D);
            times.Add(sw.Elapsed.TotalSeconds);
            if (m.Shape[0] != N) throw new InvalidOperationException("multi-hot returned the wrong number of rows");
        }
        double rowsPerSecond = N / PeerFigures.Median(times);
        string figure = $"multihot_{N}x{D}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notebooknn {figure} {rowsPerSecond:G6} rows/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notebooknn {figure}_peak_rss_growth {(TrainBench.PeakRssKiB() - rssBefore) / 1024.0:F0} MiB"));
        if (args.Contains("--no-peer")) return 0;
        var peers = new Dictionary<string, Dictionary<string, double>>();
        foreach (var lib in new[] { "numpy", "numpy_f32" })
            peers[lib] = PeerFigures.Run(lib, "/usr/bin/python3", [PeerFigures.OwnPeerScript("numpy_multihot.py"), lib]);
        PeerFigures.PrintRatios(figure, rowsPerSecond, peers);
        return 0;
    }
}
