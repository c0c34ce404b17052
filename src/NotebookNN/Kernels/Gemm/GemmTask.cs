using System.Runtime.CompilerServices;
using NotebookNN.Kernels.Threading;

namespace NotebookNN.Kernels;

internal enum PanelPhase { PackB, Rows }

internal static unsafe partial class Gemm
{
    /// <summary>
    /// One (JC, PC) step of the loop nest; as a <see cref="ComputePool"/> body (rows split across threads), task t of
    /// Threads does: PackB: its share of the B panel's NR micro-panels. Rows: its share of the MR row tiles, packing
    /// its A blocks, against the whole packed B panel. On one thread: <see cref="PackAllB"/> then
    /// <see cref="RowBlocks"/>.
    /// </summary>
    private struct PanelTask<K> : IParallelBody where K : IMicroKernel
    {
        public GemmBlocking Blk;
        public PanelPhase Phase;
        public bool DirectB; // read B unpacked (row-major, contiguous along columns) instead of PackedB
        public int Threads, Kc, Nc, M, Ldc;
        public float* A, B, C, PackedB;
        public nint AWide, ADepth, BWide, BDepth;
        public TileStore Store;

        public void Invoke(int t)
        {
            int nr = Blk.NR, mr = Blk.MR;
            switch (Phase)
            {
                case PanelPhase.PackB:
                {
                    var (j0, j1) = Share(Nc, nr, t);
                    if (j1 > j0) Packing.Pack(B + j0 * BWide, BWide, BDepth, j1 - j0, Kc, nr, PackedB + (nint)j0 * Kc);
                    break;
                }
                default:
                {
                    var (i0, i1) = Share(M, mr, t);
                    RowBlocks(i0, i1, 0, Nc);
                    break;
                }
            }
        }

        /// <summary>Packs the whole B panel on this thread (nothing to do when B is read in place).</summary>
        public readonly void PackAllB()
        {
            if (!DirectB) Packing.Pack(B, BWide, BDepth, Nc, Kc, Blk.NR, PackedB);
        }

        /// <summary>The t-th of Threads slices of [0, count), in whole tiles of <paramref name="tile"/>.</summary>
        private readonly (int, int) Share(int count, int tile, int t) =>
            (ShareStart(count, tile, t, Threads), ShareStart(count, tile, t + 1, Threads));

        /// <summary>IC loop over rows [i0, i1): pack each A block, then the macrokernel on columns [j0, j1).</summary>
        public readonly void RowBlocks(int i0, int i1, int j0, int j1)
        {
            if (i1 <= i0) return;
            float* packA = Buffers.A(RoundUpTo(Math.Min(Blk.MC, i1 - i0), Blk.MR) * Kc);
            for (int ic = i0; ic < i1; ic += Blk.MC)
            {
                int mc = Math.Min(Blk.MC, i1 - ic);
                Packing.Pack(A + ic * AWide, AWide, ADepth, mc, Kc, Blk.MR, packA);
                if (DirectB) Macro(packA, mc, B + j0, 1, BDepth, j1 - j0, C + (nint)ic * Ldc + j0, Store.AtColumn(j0));
                else Macro(packA, mc, PackedB + (nint)j0 * Kc, Kc, Blk.NR, j1 - j0, C + (nint)ic * Ldc + j0, Store.AtColumn(j0));
            }
        }

        /// <summary>
        /// JR/IR loops: each B micro-panel stays in L1 while every A micro-panel of the block passes it. The micro-panel
        /// of column jr starts at <c>b + jr·jrStride</c> (kc for the packed panel, 1 for an unpacked B) and its k rows
        /// are <paramref name="bStep"/> apart (NR packed, the row stride unpacked).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly void Macro(float* packA, int mc, float* b, nint jrStride, nint bStep, int nc, float* c, TileStore store)
        {
            int mr = Blk.MR, nr = Blk.NR, kc = Kc, ldc = Ldc;
            for (int jr = 0; jr < nc; jr += nr)
            {
                var s = store.AtColumn(jr);
                float* bp = b + jr * jrStride;
                int nrr = Math.Min(nr, nc - jr);
                for (int ir = 0; ir < mc; ir += mr)
                    K.Run(kc, packA + (nint)ir * kc, bp, bStep, c + (nint)ir * ldc + jr, ldc, Math.Min(mr, mc - ir), nrr, in s);
            }
        }

        private static int RoundUpTo(int a, int b) => CeilDiv(a, b) * b;
    }
}
