using System.Runtime.CompilerServices;
using NotebookNN.Callbacks;
using NotebookNN.Kernels;
using NotebookNN.Kernels.Threading;

namespace NotebookNN;

public partial class Model
{
    /// <summary>Arenas of the second and later prediction lanes (the first uses <see cref="StepArena"/>).</summary>
    private readonly TensorArena?[] _laneArenas = new TensorArena?[ComputePool.Workers];

    /// <summary>
    /// Rows per chunk when Predict may run chunks of its input on all cores at once, one chunk per core, else 0.
    /// Allowed for a plain Sequential model of built-in layers that keep no per-call state
    /// (<see cref="Layers.Layer.ConcurrentInference"/>) when no callback watches batches (so verbose 0). With several
    /// batches a chunk is a batch: a 32 × 784 · 784 × 300 product splits across two cores poorly, while two such
    /// products run side by side. With one to three large batches, chunks of n / (8·cores) rows (at least 64): each
    /// core then runs whole forward passes on its rows with no hand-off between layers. Outputs are unchanged: every
    /// row is computed with the same sums in the same order whatever rows share its chunk.
    /// </summary>
    private int LaneRows(int n, int batchSize, CallbackList list)
    {
        int workers = ComputePool.Workers;
        if (workers < 2 || GetType() != typeof(Sequential) || list.ObservesBatches || !Layers.All(l => l.ConcurrentInference)) return 0;
        if ((n + batchSize - 1) / batchSize >= 4) return batchSize;
        int rows = Math.Min(batchSize, (n + 8 * workers - 1) / (8 * workers));
        return rows >= 64 ? rows : 0;
    }

    /// <summary>Rows [from, n) of <paramref name="x"/> into <paramref name="result"/> in chunks of
    /// <paramref name="rows"/>, each lane taking the next chunk not yet taken (a core slowed by the host still gets
    /// its fair share), with its own arena and single-threaded GEMMs.</summary>
    private void PredictInLanes(Tensor x, int rows, int from, Tensor result)
    {
        if (from >= x.Shape[0]) return;
        var body = new PredictLane { Model = this, X = x, Result = result, Rows = rows, From = from, Next = new StrongBox<int>(0) };
        ComputePool.For(ComputePool.Workers, ref body);
    }

    private struct PredictLane : IParallelBody
    {
        public Model Model;
        public Tensor X, Result;
        public int Rows, From;
        /// <summary>The index of the next chunk to take, shared by the lanes.</summary>
        public StrongBox<int> Next;

        public readonly void Invoke(int lane)
        {
            int n = X.Shape[0], perSample = Result.Size / n;
            int savedThreads = Gemm.MaxThreads;
            TensorArena? busy = null;
            Gemm.MaxThreads = 1; // the other cores run the other lanes
            try
            {
                for (int start; (start = From + (Interlocked.Increment(ref Next.Value) - 1) * Rows) < n;)
                {
                    // lane 0 shares the model's step arena; a lane whose arena is busy (two Predict calls on one model
                    // at once) takes a private one for this call
                    using var scope = TensorArena.EnterEither(lane == 0 ? Model.StepArena : Model._laneArenas[lane] ??= new TensorArena(), ref busy);
                    var yb = Model.Forward(X.AxisView(0, start, Math.Min(n, start + Rows) - start), training: false).Contiguous();
                    yb.Span.CopyTo(Result.Span.Slice(start * perSample, yb.Size));
                }
            }
            finally { Gemm.MaxThreads = savedThreads; }
        }
    }
}
