using System.Runtime.CompilerServices;

namespace NotebookNN.Compute.Gemm;

internal static unsafe partial class Gemm
{
    /// <summary>One (JC, PC) step of the loop nest on one thread: <see cref="PackAllB"/>, then <see cref="RowBlocks"/>.</summary>
    private struct PanelTask<K> where K : IMicroKernel
    {
        public GemmBlocking Blk;
        public bool DirectB; // read B unpacked (row-major, contiguous along columns) instead of PackedB
        public int Kc, Nc, M, Ldc;
        public float* A, B, C, PackedB;
        public nint AWide, ADepth, BWide, BDepth;
        public TileStore Store;

        /// <summary>Packs the whole B panel on this thread (nothing to do when B is read in place).</summary>
        public readonly void PackAllB()
        {
            if (!DirectB) Packing.Pack(B, BWide, BDepth, Nc, Kc, Blk.NR, PackedB);
        }

        /// <summary>IC loop over rows [i0, i1): pack each A block, then the macrokernel on all Nc columns.</summary>
        public readonly void RowBlocks(int i0, int i1)
        {
            if (i1 <= i0) return;
            float* packA = Buffers.A(RoundUp(Math.Min(Blk.MC, i1 - i0), Blk.MR) * Kc);
            for (int ic = i0; ic < i1; ic += Blk.MC)
            {
                int mc = Math.Min(Blk.MC, i1 - ic);
                Packing.Pack(A + ic * AWide, AWide, ADepth, mc, Kc, Blk.MR, packA);
                if (DirectB) Macro(packA, mc, B, 1, BDepth, Nc, C + (nint)ic * Ldc, Store);
                else Macro(packA, mc, PackedB, Kc, Blk.NR, Nc, C + (nint)ic * Ldc, Store);
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
    }
}
