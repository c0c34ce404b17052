namespace NotebookNN.Bench;

/// <summary>The benchmarks by the name given on the command line.</summary>
internal static class BenchRegistry
{
    public static readonly Dictionary<string, Func<string[], int>> All = new()
    {
        ["matmul"] = MatmulBench.Run,
        ["views"] = ViewsBench.Run,
        ["elementwise"] = ElementwiseBench.Run,
        ["train"] = TrainBench.RunTrain,
        ["infer"] = TrainBench.RunInfer,
        ["optimizer-step"] = OptimizerBench.Run,
        ["blocking"] = BlockingBench.Run,
        ["fma"] = FmaLimitBench.Run,
        ["encode"] = EncodeBench.Run,
        ["sgd"] = SgdBench.Run,
        ["cnn"] = CnnBench.Run,
        ["cnn-profile"] = CnnProfileBench.Run,
        ["conv-kernels"] = ConvKernelsBench.Run,
        ["gemm-shapes"] = GemmShapesBench.Run,
    };
}
