namespace NotebookNN.Bench;

/// <summary>
/// The rounds of a bench against its peers (<c>train</c>, <c>infer</c>, <c>cnn</c>): each round measures our figures,
/// then the peers' in the same run, and prints the ratios and the FMA ceiling of the round (<see cref="FmaCeiling"/>);
/// after several rounds, the ratio of the medians, since this machine's speed drifts between minutes.
/// </summary>
internal static class BenchRounds
{
    /// <summary>Runs <c>--rounds N</c> rounds (default 1); <c>--no-peer</c> measures ours alone.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="measure">Our figures of one round (it prints them).</param>
    /// <param name="runPeers">The peers' figures by peer, or null when they cannot run.</param>
    /// <param name="isCompared">Which of our figures are put against the peers' (higher is better).</param>
    public static int Run(string[] args, Func<Dictionary<string, double>> measure,
        Func<Dictionary<string, Dictionary<string, double>>?> runPeers, Func<string, bool> isCompared)
    {
        int ri = Array.IndexOf(args, "--rounds");
        int rounds = ri >= 0 ? int.Parse(args[ri + 1]) : 1;
        bool peers = !args.Contains("--no-peer");
        var oursByRound = new List<Dictionary<string, double>>();
        var theirsByRound = new List<Dictionary<string, Dictionary<string, double>>>();
        var boundsByFigure = new Dictionary<string, List<double>>();
        for (int round = 0; round < rounds; round++)
        {
            if (rounds > 1) Console.Error.WriteLine($"# round {round + 1} of {rounds}");
            // The previous round's models are garbage, but a round allocates almost nothing, so no collection would
            // reclaim them and every round's peak RSS would carry the last one's: collect so each round stands alone.
            if (round > 0) GC.Collect();
            var limitBefore = peers ? FmaLimitBench.Measure() : default; // only put beside the peers' figures
            var ours = measure();
            TrainBench.Emit("peak_rss", TrainBench.PeakRssKiB(), "KiB");
            oursByRound.Add(ours);
            if (peers && runPeers() is { } theirs)
            {
                theirsByRound.Add(theirs);
                // The round's ceiling: the faster of the FMA loop's two measurements, before ours and after the peers.
                var limitAfter = FmaLimitBench.Measure();
                FmaLimitBench.Print(limitBefore);
                FmaLimitBench.Print(limitAfter);
                double ceiling = Math.Max(limitBefore.TwoThreads, limitAfter.TwoThreads);
                foreach (var (figure, value) in ours)
                {
                    if (!isCompared(figure)) continue;
                    PeerFigures.PrintRatios(figure, value, theirs);
                    if (!double.IsNaN(ceiling))
                        (boundsByFigure.TryGetValue(figure, out var b) ? b : boundsByFigure[figure] = []).Add(FmaCeiling.Print(figure, value, ceiling, theirs));
                }
            }
        }
        if (rounds > 1 && theirsByRound.Count == rounds)
            foreach (var figure in oursByRound[0].Keys.Where(isCompared))
            {
                PeerFigures.PrintMedianRatio(figure, oursByRound.Select(o => o[figure]).ToList(), theirsByRound);
                if (boundsByFigure.TryGetValue(figure, out var bounds)) FmaCeiling.PrintMedian(figure, bounds);
            }
        return 0;
    }
}
