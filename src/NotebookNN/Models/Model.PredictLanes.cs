using System.Runtime.CompilerServices;
using NotebookNN.Compute.Gemm;
using NotebookNN.Compute.Threading;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>Arenas of the second and later prediction lanes (the first uses <see cref="StepArena"/>).</summary>
    private readonly TensorArena?[] _laneArenas = new TensorArena?[ComputePool.Workers];

    /// <summary>
    /// Rows per chunk when Predict may run chunks of its input on all cores at once, one chunk per core, else 0.
    /// Allowed for a plain Sequential model, or a functional one with one input and one output (whose graph lends each
    /// call its own buffers), of built-in layers that keep no per-call state
    /// (<see cref="Layers.Layer.ConcurrentInference"/>) when no callback watches batches (so verbose 0). With several
    /// batches a chunk is a batch: a 32 × 784 · 784 × 300 product splits across two cores poorly, while two such
    /// products run side by side. With one to three large batches, chunks of n / (8·cores) rows (at least 64), smaller
    /// toward the end so the cores finish together (<see cref="PredictLane"/>): each core then runs whole forward
    /// passes on its rows with no hand-off between layers. Outputs are unchanged: every row is computed with the same
    /// sums in the same order whatever rows share its chunk.
    /// </summary>
    internal int LaneRows(int n, int batchSize, CallbackList list)
    {
        int workers = ComputePool.Workers;
        bool plain = GetType() == typeof(Sequential) || (GetType() == typeof(Model) && _graph is { Inputs.Length: 1, Outputs.Length: 1 });
        if (workers < 2 || !plain || list.ObservesBatches || !Layers.All(l => l.ConcurrentInference)) return 0;
        if ((n + batchSize - 1) / batchSize >= 4) return batchSize;
        int rows = Math.Min(batchSize, (n + 8 * workers - 1) / (8 * workers));
        return rows >= 64 ? rows : 0;
    }

    /// <summary>Rows [from, n) of <paramref name="x"/> into <paramref name="result"/> in chunks of
    /// <paramref name="rows"/>, each lane taking the next chunk not yet taken (a core slowed by the host still gets
    /// its fair share), with its own arena and single-threaded GEMMs. No chunk is begun once <paramref name="token"/>
    /// is cancelled; returns the rows computed (from the start), all n unless cancelled.</summary>
    internal int PredictInLanes(Tensor x, int rows, int from, Tensor result, int batchSize, CancellationToken token)
    {
        if (from >= x.Shape[0]) return x.Shape[0];
        // chunks carved from one large batch shrink toward the end, so the lanes finish together; batches stay batches
        int minRows = rows < batchSize ? Math.Min(rows, 64) : rows;
        var body = new PredictLane { Model = this, X = x, Result = result, Rows = rows, MinRows = minRows, Next = new StrongBox<int>(from), Token = token };
        ComputePool.For(ComputePool.Workers, ref body);
        return Math.Min(body.Next.Value, x.Shape[0]);
    }

    private struct PredictLane : IParallelBody
    {
        public Model Model;
        public Tensor X, Result;
        public int Rows, MinRows;
        /// <summary>The first row not yet taken, shared by the lanes.</summary>
        public StrongBox<int> Next;
        /// <summary>The notebook's stop: no chunk is taken once it is cancelled.</summary>
        public CancellationToken Token;

        /// <summary>Takes the next chunk: <see cref="Rows"/> rows, or when fewer than two chunks per lane remain, a
        /// share of what is left (at least <see cref="MinRows"/>, whole 8-row tiles). The sizes depend only on the
        /// rows left, so every call of one shape makes the same chunks. Returns its row count (0: none left).</summary>
        private readonly int Take(int n, out int start)
        {
            int lanes = ComputePool.Workers;
            while (true)
            {
                int cur = Volatile.Read(ref Next.Value);
                start = cur;
                if (cur >= n || Token.IsCancellationRequested) return 0;
                int share = ((n - cur + 2 * lanes - 1) / (2 * lanes) + 7) & ~7;
                int size = Math.Min(n - cur, Math.Min(Rows, Math.Max(MinRows, share)));
                if (Interlocked.CompareExchange(ref Next.Value, cur + size, cur) == cur) return size;
            }
        }

        public readonly void Invoke(int lane)
        {
            int n = X.Shape[0], perSample = Result.Size / n;
            int savedThreads = Gemm.MaxThreads;
            TensorArena? busy = null;
            Gemm.MaxThreads = 1; // the other cores run the other lanes
            try
            {
                for (int start, size; (size = Take(n, out start)) > 0;)
                {
                    // lane 0 shares the model's step arena; a lane whose arena is busy (two Predict calls on one model
                    // at once) takes a private one for this call
                    using var scope = TensorArena.EnterEither(lane == 0 ? Model.StepArena : Model._laneArenas[lane] ??= new TensorArena(), ref busy);
                    var yb = Model.Forward(X.AxisView(0, start, size), training: false).Contiguous();
                    yb.Span.CopyTo(Result.Span.Slice(start * perSample, yb.Size));
                }
            }
            finally { Gemm.MaxThreads = savedThreads; }
        }
    }
}
