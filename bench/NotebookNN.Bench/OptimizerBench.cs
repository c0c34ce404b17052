using System.Diagnostics;
using System.Runtime.CompilerServices;
using NotebookNN.Optimizers;

namespace NotebookNN.Bench;

/// <summary>
/// "optimizer-step": time of one Apply over the Fashion-MNIST MLP's variables (266,610 floats) per optimizer.
/// </summary>
internal static class OptimizerBench
{
    private static void Baseline(Variable[] vars, Tensor?[] grads)
    {
        for (int i = 0; i < vars.Length; i++)
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(grads[i]!.Span, -0.01f, vars[i].Span, vars[i].Span);
    }

    public static int Run(string[] args)
    {
        int[][] shapes = [[784, 300], [300], [300, 100], [100], [100, 10], [10]];
        var rng = new Random(0);
        Tensor Random(int[] s) => Tensor.From(Enumerable.Range(0, new Shape(s).Size).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray(), new Shape(s));
        var vars = shapes.Select(s => new Variable(Random(s))).ToArray();
        var grads = shapes.Select(s => (Tensor?)Random(s)).ToArray();
        var optimizers = new Optimizer[] { new SGD(), new SGD(momentum: 0.9, nesterov: true), new Adam(), new RMSprop(), new Nadam(), new Adam(clipnorm: 1.0) };
        {   // baseline: one TensorPrimitives pass (w += -0.01·g) over the same spans
            for (int i = 0; i < 200; i++) Baseline(vars, grads);
            var sw0 = Stopwatch.StartNew();
            for (int i = 0; i < 2000; i++) Baseline(vars, grads);
            Console.WriteLine($"NotebookNN optimizer-step-baseline-TensorPrimitives.MultiplyAdd {sw0.Elapsed.TotalMicroseconds / 2000:F1} us");
        }
        foreach (var opt in optimizers)
        {
            for (int i = 0; i < 200; i++) opt.Apply(grads, vars);
            const int steps = 2000;
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < steps; i++) opt.Apply(grads, vars);
            double us = sw.Elapsed.TotalMicroseconds / steps;
            string label = opt.GetType().Name + (opt is SGD { Momentum: > 0 } ? "-nesterov" : "") + (opt.Clipnorm is null ? "" : "-clipnorm");
            Console.WriteLine($"NotebookNN optimizer-step-{label} {us:F1} us");
        }
        return 0;
    }
}
