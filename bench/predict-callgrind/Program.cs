using System.Diagnostics;
using System.Runtime.InteropServices;
using NotebookNN;
using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Optimizers;
#if !OLD
using NotebookNN.Models;
using NotebookNN.Tensors;
#endif

static class Cg
{
    [DllImport("libcgctl")] public static extern void cg_zero();
    [DllImport("libcgctl")] public static extern void cg_dump(string name);
}

static class Program
{
    // args: samples warmups measured [timing]
    static int Main(string[] args)
    {
        int n = int.Parse(args[0]), warm = int.Parse(args[1]), reps = int.Parse(args[2]);
        bool timing = args.Length > 3 && args[3] == "time";
        int batch = args.Length > 4 ? int.Parse(args[4]) : 32;
        Utils.SetRandomSeed(1);
        var model = new Sequential([
            new Dense(300, activation: "relu", inputShape: [784]),
            new Dense(100, activation: "relu"),
            new Dense(10)]);
        model.Compile(optimizer: new SGD(learningRate: 0.01), loss: new SparseCategoricalCrossentropy(fromLogits: true));
        var x = Tensor.RandomUniform([n, 784]);
        for (int i = 0; i < warm; i++) model.Predict(x, batchSize: batch, verbose: 0);
        if (timing)
        {
            var times = new List<double>();
            for (int r = 0; r < reps; r++)
            {
                var sw = Stopwatch.StartNew();
                model.Predict(x, batchSize: batch, verbose: 0);
                times.Add(sw.Elapsed.TotalSeconds);
            }
            times.Sort();
            Console.WriteLine($"median {n / times[times.Count / 2]:F0} samples/s min-time {n / times[^1]:F0} max {n / times[0]:F0}");
            return 0;
        }
        Thread.Sleep(2000); // let the background JIT finish its tier-1 compilations
        Cg.cg_zero();
        float s = 0;
        for (int r = 0; r < reps; r++) s += model.Predict(x, batchSize: batch, verbose: 0).Shape[0];
        Cg.cg_dump("measured");
        Console.WriteLine($"done {s}");
        return 0;
    }
}
