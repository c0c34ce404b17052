using NotebookNN.Compute.Threading;

namespace NotebookNN.Compute.Pooling;

/// <summary>
/// Walks the windows of a 2-D pooling for an <see cref="IPoolWindow{TSelf}"/>, splitting large batches across the cores. The
/// forward pass splits by output row. The backward pass writes every input cell's gradient exactly once when windows do
/// not overlap (split by output row; cells in no window are zeroed there), and otherwise zeroes each sample's gradient
/// and adds every window's share (split by sample, so no two threads add into the same cell).
/// </summary>
internal static unsafe class PoolDriver
{
    public static void Forward<TWindow>(in PoolGeometry g, ref TWindow window) where TWindow : struct, IPoolWindow<TWindow>
    {
        var rows = new ForwardRows<TWindow> { G = g, Window = window };
        Split(g.Batch * g.OutH, g.Work, ref rows);
    }

    /// <summary>Backward into <paramref name="dx"/> (the input gradient, all of it written).</summary>
    public static void Backward<TWindow>(in PoolGeometry g, float* dx, ref TWindow window) where TWindow : struct, IPoolWindow<TWindow>
    {
        if (g.Disjoint)
        {
            var rows = new DisjointRows<TWindow> { G = g, Window = window, Dx = dx };
            Split(g.Batch * g.OutH, g.Work, ref rows);
        }
        else
        {
            var samples = new OverlappingSamples<TWindow> { G = g, Window = window, Dx = dx };
            Split(g.Batch, g.Work, ref samples);
        }
    }

    private interface IRange
    {
        void Run(int start, int end);
    }

    /// <summary>Runs <paramref name="body"/> over [0, units): inline when the work is small, else in parts on the pool.</summary>
    private static void Split<TRange>(int units, long work, ref TRange body) where TRange : struct, IRange
    {
        if (units < 2 || work < ParallelThresholds.Elementwise) { body.Run(0, units); return; }
        int parts = (int)Math.Min(Math.Min(units, 64), Math.Max(ComputePool.Workers, work / ParallelThresholds.ChunkElements));
        var split = new Parts<TRange> { Body = body, Units = units, Count = parts };
        ComputePool.For(parts, ref split);
    }

    private struct Parts<TRange> : IParallelBody where TRange : struct, IRange
    {
        public TRange Body;
        public int Units, Count;
        public void Invoke(int index) =>
            Body.Run((int)((long)Units * index / Count), (int)((long)Units * (index + 1) / Count));
    }

    private struct ForwardRows<TWindow> : IRange where TWindow : struct, IPoolWindow<TWindow>
    {
        public PoolGeometry G;
        public TWindow Window;

        public void Run(int start, int end)
        {
            long sampleSize = (long)G.Height * G.Width * G.Channels;
            for (int r = start; r < end; r++)
            {
                int b = r / G.OutH;
                var (hs, he) = G.Rows(r % G.OutH);
                long output = (long)r * G.OutW * G.Channels;
                for (int ow = 0; ow < G.OutW; ow++, output += G.Channels)
                {
                    var (ws, we) = G.Cols(ow);
                    Window.Forward(b * sampleSize, output, hs, he, ws, we);
                }
            }
        }
    }

    /// <summary>Windows that do not overlap: output row oh owns the input rows from the end of row oh − 1's windows
    /// (0 for the first) to the end of its own (the input's end for the last), and writes each of them whole.</summary>
    private struct DisjointRows<TWindow> : IRange where TWindow : struct, IPoolWindow<TWindow>
    {
        public PoolGeometry G;
        public TWindow Window;
        public float* Dx;

        public void Run(int start, int end)
        {
            int c = G.Channels, rowLength = G.Width * c;
            long sampleSize = (long)G.Height * rowLength;
            for (int r = start; r < end; r++)
            {
                int b = r / G.OutH, oh = r % G.OutH;
                var (hs, he) = G.Rows(oh);
                int ownStart = oh == 0 ? 0 : G.Rows(oh - 1).End, ownEnd = oh == G.OutH - 1 ? G.Height : he;
                float* sample = Dx + b * sampleSize;
                for (int h = ownStart; h < ownEnd; h++)
                    if (h < hs || h >= he) new Span<float>(sample + (long)h * rowLength, rowLength).Clear();
                long output = (long)r * G.OutW * c;
                int cleared = 0; // columns before this one that no window covers are zeroed here
                for (int ow = 0; ow < G.OutW; ow++, output += c)
                {
                    var (ws, we) = G.Cols(ow);
                    ClearColumns(sample, hs, he, cleared, ws);
                    Window.Backward(b * sampleSize, output, hs, he, ws, we, accumulate: false);
                    cleared = we;
                }
                ClearColumns(sample, hs, he, cleared, G.Width);
            }
        }

        private readonly void ClearColumns(float* sample, int hs, int he, int from, int to)
        {
            if (to <= from) return;
            for (int h = hs; h < he; h++)
                new Span<float>(sample + ((long)h * G.Width + from) * G.Channels, (to - from) * G.Channels).Clear();
        }
    }

    /// <summary>Overlapping windows: each sample's gradient is zeroed, then every window adds its share.</summary>
    private struct OverlappingSamples<TWindow> : IRange where TWindow : struct, IPoolWindow<TWindow>
    {
        public PoolGeometry G;
        public TWindow Window;
        public float* Dx;

        public void Run(int start, int end)
        {
            long sampleSize = (long)G.Height * G.Width * G.Channels;
            for (int b = start; b < end; b++)
            {
                new Span<float>(Dx + b * sampleSize, checked((int)sampleSize)).Clear();
                long output = (long)b * G.OutH * G.OutW * G.Channels;
                for (int oh = 0; oh < G.OutH; oh++)
                {
                    var (hs, he) = G.Rows(oh);
                    for (int ow = 0; ow < G.OutW; ow++, output += G.Channels)
                    {
                        var (ws, we) = G.Cols(ow);
                        Window.Backward(b * sampleSize, output, hs, he, ws, we, accumulate: true);
                    }
                }
            }
        }
    }
}
