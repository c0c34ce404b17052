using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NotebookNN.Compute.Gemm;

internal static unsafe partial class Gemm
{
    /// <summary>One (JC, PC) step of the loop nest on one thread: <see cref="PackAllB"/>, then <see cref="RowBlocks"/>.</summary>
    private struct PanelTask<K> where K : IMicroKernel
    {
        public GemmBlocking Blk;
        public bool DirectB; // read B unpacked (row-major, contiguous along columns) instead of PackedB
        public bool DirectA; // the kernel reads A in place through its strides instead of a packed A block
        public int Kc, Nc, M, Ldc;
        public float* A, B, C, PackedB;
        public nint AWide, ADepth, BWide, BDepth;
        public TileStore Store;

        /// <summary>Packs the whole B panel on this thread (nothing to do when B is read in place).</summary>
        public readonly void PackAllB()
        {
            if (!DirectB) Packing.Pack(B, BWide, BDepth, Nc, Kc, Blk.NR, PackedB);
        }

        /// <summary>IC loop over rows [i0, i1): pack each A block (unless A is read in place), then the macrokernel on
        /// all Nc columns.</summary>
        public readonly void RowBlocks(int i0, int i1)
        {
            if (i1 <= i0) return;
            float* packA = DirectA ? null : Buffers.A(RoundUp(Math.Min(Blk.MC, i1 - i0), Blk.MR) * Kc);
            for (int ic = i0; ic < i1; ic += Blk.MC)
            {
                int mc = Math.Min(Blk.MC, i1 - ic);
                var a = new APanel(A + ic * AWide, AWide, AWide, ADepth);
                if (!DirectA)
                {
                    Packing.Pack(a.Start, AWide, ADepth, mc, Kc, Blk.MR, packA);
                    a = new APanel(packA, Kc, 1, Blk.MR);
                }
                if (DirectB) Macro(in a, mc, B, 1, BDepth, Nc, C + (nint)ic * Ldc, Store);
                else Macro(in a, mc, PackedB, Kc, Blk.NR, Nc, C + (nint)ic * Ldc, Store);
            }
        }

        /// <summary>
        /// JR/IR loops: each B micro-panel stays in L1 while every A micro-panel of the block passes it. The micro-panel
        /// of column jr starts at <c>b + jr·jrStride</c> (kc for the packed panel, 1 for an unpacked B) and its k rows
        /// are <paramref name="bStep"/> apart (NR packed, the row stride unpacked).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly void Macro(in APanel a, int mc, float* b, nint jrStride, nint bStep, int nc, float* c, TileStore store)
        {
            int mr = Blk.MR, nr = Blk.NR, kc = Kc, ldc = Ldc;
            for (int jr = 0; jr < nc; jr += nr)
            {
                var s = store.AtColumn(jr);
                float* bp = b + jr * jrStride;
                int nrr = Math.Min(nr, nc - jr);
                for (int ir = 0; ir < mc; ir += mr)
                {
                    if (jr == 0 && DirectA) PrefetchRows(in a, ir + mr, Math.Min(ir + 2 * mr, mc), kc);
                    K.Run(kc, a.Start + ir * a.PerRow, a.Row, a.Step, bp, bStep, c + (nint)ir * ldc + jr, ldc, Math.Min(mr, mc - ir), nrr, in s);
                }
            }
        }

        /// <summary>A read in place, first pass over the block: fetch the next micro-panel's rows (contiguous along k)
        /// while this one computes. Its rows are short (kc floats), too short for the hardware prefetcher to catch
        /// each of the MR streams before it ends, and a block too large for the caches comes from memory.</summary>
        private static void PrefetchRows(in APanel a, int r0, int r1, int kc)
        {
            if (a.Step != 1) return;
            for (int r = r0; r < r1; r++)
            {
                float* row = a.Start + r * a.PerRow;
                for (int p = 0; p < kc; p += 16) Sse.Prefetch0(row + p);
                Sse.Prefetch0(row + kc - 1);
            }
        }
    }

    /// <summary>An A block as the kernels read it: row i of the block starts at <c>Start + i·PerRow</c> (a packed block:
    /// kc floats a row within its MR-row micro-panels; in place: the row stride), and within an MR-row micro-panel element
    /// (r, p) is at <c>r·Row + p·Step</c>.</summary>
    private readonly struct APanel(float* start, nint perRow, nint row, nint step)
    {
        public readonly float* Start = start;
        public readonly nint PerRow = perRow, Row = row, Step = step;
    }
}
