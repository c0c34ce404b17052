using System.Diagnostics;
using System.Globalization;

namespace NotebookNN.Bench;

/// <summary>
/// Runs a peer benchmark process and collects its "&lt;lib&gt; &lt;figure&gt; &lt;value&gt; &lt;unit&gt;" lines (the format of
/// ../shared/bench/peers), relaying them to our stdout so both sides of a comparison are in one run's output.
/// </summary>
internal static class PeerFigures
{
    /// <summary>Figure name → value for lines whose lib is <paramref name="lib"/>; empty when the peer cannot run.</summary>
    public static Dictionary<string, double> Run(string lib, string fileName, IEnumerable<string> arguments, IDictionary<string, string>? env = null)
    {
        var figures = new Dictionary<string, double>();
        var psi = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        try
        {
            using var p = Process.Start(psi)!;
            p.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
            p.BeginErrorReadLine();
            string? line;
            while ((line = p.StandardOutput.ReadLine()) is not null)
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 3 || parts[0] != lib) continue;
                if (double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) figures[parts[1]] = v;
                Console.WriteLine(line);
            }
            p.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"# peer {lib} could not start ({fileName}): {e.Message}");
        }
        return figures;
    }

    /// <summary>The path of one of bench/peers' scripts, found above the running binary.</summary>
    public static string OwnPeerScript(string name)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "peers", name))) return Path.Combine(d.FullName, "peers", name);
        throw new FileNotFoundException($"bench/peers/{name} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Where ../shared/bench/peers is: beside the repository root found from the working directory (or, from a
    /// git worktree, beside the nearest ancestor that has one).</summary>
    public static string? SharedPeersDir()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "NotebookNN.sln"))) continue;
            // ../shared beside the checkout; from a git worktree (/work/wt/<name>) the nearest ancestor's shared/
            for (var up = dir.Parent; up is not null; up = up.Parent)
            {
                var peers = Path.Combine(up.FullName, "shared", "bench", "peers");
                if (Directory.Exists(peers)) return peers;
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// The TorchSharp peer of ../shared/bench/peers/run.sh (TorchSharp 0.107 on libtorch's CPU build) when that script has
    /// built it; empty, with a hint on stderr, when not (building it restores ~1.4 GB of packages, so the bench does not).
    /// Without arguments the binary runs all of its MLP figures (matmul, training, inference), ~45 s; <c>cnn</c> runs the CNN's.
    /// </summary>
    public static Dictionary<string, double> RunTorchSharp(params string[] arguments)
    {
        const string lib = "torchsharp";
        if (SharedPeersDir() is not { } peers) return [];
        var exe = Path.Combine(peers, "torchsharp", "bin", "Release", "net10.0", "linux-x64", "TsBench");
        if (!File.Exists(exe))
        {
            Console.Error.WriteLine($"# TorchSharp peer not built ({exe}): run {Path.Combine(peers, "run.sh")} once to build it (restores ~1.4 GB)");
            return [];
        }
        return Run(lib, exe, arguments);
    }

    /// <summary>The peers of ../shared/bench/peers/run.sh: Debian's PyTorch running <c>pytorch/{script}</c> with
    /// OMP_WAIT_POLICY=PASSIVE (as run.sh's fair figure), and TorchSharp (when built) with <paramref name="torchSharpArgs"/>;
    /// null when the shared peers or /usr/bin/python3 are missing.</summary>
    public static Dictionary<string, Dictionary<string, double>>? RunTorchPeers(string script, params string[] torchSharpArgs)
    {
        if (SharedPeersDir() is not { } peers || !File.Exists("/usr/bin/python3"))
        {
            Console.Error.WriteLine("# ../shared/bench/peers or /usr/bin/python3 not found: no peer run (apt-get install python3-torch)");
            return null;
        }
        const string lib = "pytorch_omp_passive";
        return new Dictionary<string, Dictionary<string, double>>
        {
            [lib] = Run(lib, "/usr/bin/python3", [Path.Combine(peers, "pytorch", script)],
                new Dictionary<string, string> { ["BENCH_PREFIX"] = lib, ["OMP_WAIT_POLICY"] = "PASSIVE" }),
            ["torchsharp"] = RunTorchSharp(torchSharpArgs),
        };
    }

    /// <summary>Prints a ratio line against each peer that has the figure, then one against the best of them
    /// ("ratio &lt;figure&gt; notebooknn/best 1.31x (torchsharp)"), higher values being better.</summary>
    public static void PrintRatios(string figure, double ours, IReadOnlyDictionary<string, Dictionary<string, double>> peers)
    {
        string? best = null;
        double bestValue = 0;
        foreach (var (lib, figures) in peers)
        {
            if (!figures.TryGetValue(figure, out var v)) continue;
            PrintRatio(figure, lib, ours, v);
            if (best is null || v > bestValue) (best, bestValue) = (lib, v);
        }
        if (best is not null)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {figure} notebooknn/best {ours / bestValue:0.00}x ({best})"));
    }

    /// <summary>After several alternated rounds: "ratio &lt;figure&gt; notebooknn/best median of N rounds 1.31x (torchsharp)",
    /// our median against the best of the peers' medians.</summary>
    public static void PrintMedianRatio(string figure, IReadOnlyList<double> ours, IReadOnlyList<Dictionary<string, Dictionary<string, double>>> rounds)
    {
        string? best = null;
        double bestMedian = 0;
        foreach (var lib in rounds[0].Keys)
        {
            var values = rounds.Where(r => r[lib].ContainsKey(figure)).Select(r => r[lib][figure]).ToList();
            if (values.Count != rounds.Count) continue;
            double med = Median(values);
            if (best is null || med > bestMedian) (best, bestMedian) = (lib, med);
        }
        if (best is null) return;
        double oursMedian = Median(ours);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio {figure} notebooknn/best median of {rounds.Count} rounds {oursMedian / bestMedian:0.00}x ({best}: {bestMedian:G4}, notebooknn: {oursMedian:G4})"));
    }

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    internal static double Median(IReadOnlyList<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>Prints "ratio &lt;figure&gt; notebooknn/&lt;peer&gt; 1.45x".</summary>
    public static void PrintRatio(string figure, string peer, double ours, double theirs) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {figure} notebooknn/{peer} {ours / theirs:0.00}x"));
}
