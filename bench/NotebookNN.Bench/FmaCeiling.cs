using System.Globalization;

namespace NotebookNN.Bench;

/// <summary>
/// Puts a throughput figure of the MLP benches against the machine's FMA ceiling of the same round
/// (<see cref="FmaLimitBench"/>): the GFLOP/s each side reaches, and the highest ratio to the best peer the ceiling
/// leaves ("ceiling mlp_b512_sgd_throughput ... at most 1.21x the best peer"). A goal above that bound cannot be met
/// with the same arithmetic on this machine.
/// </summary>
internal static class FmaCeiling
{
    // Multiply-adds a sample of the 784-300-100-10 MLP costs: forward 784·300 + 300·100 + 100·10; a training step adds
    // the weight gradients (the same count) and the input gradients of layers 2 and 3 (layer 1's input needs none).
    private const double ForwardMacs = 784 * 300 + 300 * 100 + 100 * 10;
    private const double TrainMacs = 2 * ForwardMacs + 300 * 100 + 100 * 10;

    // The CNN of ../shared/bench/README.md ("CNN"): conv 3x3 1→32 on 28×28, conv 3x3 32→64 on 14×14, dense 3136→100→10
    // forward; training adds the weight gradients (the same count) and the input gradients of all but the first layer.
    private const double CnnForwardMacs = 28 * 28 * 9 * 1 * 32 + 14 * 14 * 9 * 32 * 64 + 3136 * 100 + 100 * 10;
    private const double CnnTrainMacs = 2 * CnnForwardMacs + 14 * 14 * 9 * 32 * 64 + 3136 * 100 + 100 * 10;

    /// <summary>FLOPs per sample of the figure (a "mlp_…_throughput" or an "infer_…" figure, or the CNN's "cnn_…").</summary>
    public static double FlopsPerSample(string figure) => 2 * (figure.StartsWith("cnn_infer") ? CnnForwardMacs
        : figure.StartsWith("cnn_") ? CnnTrainMacs : figure.StartsWith("mlp_") ? TrainMacs : ForwardMacs);

    /// <summary>The highest ratio to the best peer the ceiling allows this round, after printing both sides' GFLOP/s;
    /// NaN when no peer has the figure.</summary>
    public static double Print(string figure, double ours, double ceilingGflops, IReadOnlyDictionary<string, Dictionary<string, double>> peers)
    {
        double flops = FlopsPerSample(figure);
        double best = peers.Values.Select(f => f.GetValueOrDefault(figure)).DefaultIfEmpty(0).Max();
        if (best <= 0) return double.NaN;
        double oursG = ours * flops / 1e9, bestG = best * flops / 1e9;
        double bound = ceilingGflops / bestG;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling {figure} notebooknn {oursG:F0} GFLOP/s ({100 * oursG / ceilingGflops:F0}%), best peer {bestG:F0} GFLOP/s ({100 * bestG / ceilingGflops:F0}%) of fma_2threads {ceilingGflops:F0}: at most {bound:0.00}x the best peer"));
        return bound;
    }

    /// <summary>After several rounds: the median of the rounds' bounds.</summary>
    public static void PrintMedian(string figure, IReadOnlyList<double> bounds)
    {
        var s = bounds.Where(b => !double.IsNaN(b)).Order().ToArray();
        if (s.Length == 0) return;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ceiling {figure} median of {s.Length} rounds: at most {PeerFigures.Median(s):0.00}x the best peer (range {s[0]:0.00}-{s[^1]:0.00})"));
    }
}
