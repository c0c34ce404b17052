using NotebookNN.Callbacks;
using NotebookNN.Kernels;
using NotebookNN.Kernels.Threading;

namespace NotebookNN;

public partial class Model
{
    /// <summary>Arenas of the second and later prediction lanes (the first uses <see cref="StepArena"/>).</summary>
    private readonly TensorArena?[] _laneArenas = new TensorArena?[ComputePool.Workers];

    /// <summary>
    /// Whether Predict may run its batches on all cores at once, one batch per core: a plain Sequential model of
    /// built-in layers that keep no per-call state (<see cref="Layers.Layer.ConcurrentInference"/>), no callback
    /// that watches batches (so verbose 0), and enough batches. Small batches gain most: a 32 × 784 · 784 × 300
    /// product splits across two cores poorly, while two such products on two cores run side by side. The outputs
    /// are the same: every batch is computed exactly as it would be alone.
    /// </summary>
    private bool CanPredictInLanes(int steps, CallbackList list) =>
        steps >= 4 && ComputePool.Workers > 1 && GetType() == typeof(Sequential) && !list.ObservesBatches
        && Layers.All(l => l.ConcurrentInference);

    /// <summary>Batches 1, 2, … of <paramref name="x"/> into <paramref name="result"/>, lane t taking every
    /// Workers-th batch from t + 1 with its own arena and single-threaded GEMMs.</summary>
    private void PredictInLanes(Tensor x, int batchSize, Tensor result)
    {
        var body = new PredictLane { Model = this, X = x, Result = result, BatchSize = batchSize, Lanes = ComputePool.Workers };
        ComputePool.For(body.Lanes, ref body);
    }

    private struct PredictLane : IParallelBody
    {
        public Model Model;
        public Tensor X, Result;
        public int BatchSize, Lanes;

        public readonly void Invoke(int lane)
        {
            int n = X.Shape[0], perSample = Result.Size / n;
            int savedThreads = Gemm.MaxThreads;
            TensorArena? busy = null;
            Gemm.MaxThreads = 1; // the other cores run the other lanes
            try
            {
                for (int start = (1 + lane) * BatchSize; start < n; start += Lanes * BatchSize)
                {
                    // lane 0 shares the model's step arena; a lane whose arena is busy (two Predict calls on one model
                    // at once) takes a private one for this call
                    using var scope = TensorArena.EnterEither(lane == 0 ? Model.StepArena : Model._laneArenas[lane] ??= new TensorArena(), ref busy);
                    var yb = Model.Forward(X[start..Math.Min(n, start + BatchSize)], training: false).Contiguous();
                    yb.Span.CopyTo(Result.Span.Slice(start * perSample, yb.Size));
                }
            }
            finally { Gemm.MaxThreads = savedThreads; }
        }
    }
}
