using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NotebookNN.Compute.Drivers;

/// <summary>
/// Copies the elements of one strided layout into another of the same dims. Axes that are
/// contiguous in both layouts are merged first, so a copy between row-major blocks runs as a few long
/// span copies, and only truly strided innermost axes fall back to an element loop.
/// </summary>
internal static class StridedCopy
{
    /// <summary>dst[i] = src[i] over every index i of <paramref name="dims"/>.</summary>
    public static void Run(float[] src, int srcOffset, ReadOnlySpan<int> srcStrides,
                           float[] dst, int dstOffset, ReadOnlySpan<int> dstStrides,
                           ReadOnlySpan<int> dims)
    {
        int rank = dims.Length;
        Span<int> d = stackalloc int[rank + 1], ss = stackalloc int[rank + 1], ds = stackalloc int[rank + 1];
        int r = 0;
        for (int a = 0; a < rank; a++)
        {
            if (dims[a] == 0) return;
            if (dims[a] == 1) continue;
            if (r > 0 && ss[r - 1] == srcStrides[a] * dims[a] && ds[r - 1] == dstStrides[a] * dims[a])
            {
                d[r - 1] *= dims[a]; ss[r - 1] = srcStrides[a]; ds[r - 1] = dstStrides[a];
            }
            else { d[r] = dims[a]; ss[r] = srcStrides[a]; ds[r] = dstStrides[a]; r++; }
        }
        if (r == 0) { d[0] = 1; ss[0] = 1; ds[0] = 1; r = 1; }

        int inner = d[r - 1], si = ss[r - 1], di = ds[r - 1];
        // A strided innermost axis (e.g. a transpose) is copied in square tiles of the last two axes, so both
        // the reads and the writes stay within a few cache lines per row instead of missing on every element.
        bool tiled = r >= 2 && (si != 1 || di != 1);
        int loopAxes = tiled ? r - 2 : r - 1;
        Span<int> index = stackalloc int[r];
        index.Clear();
        int s = srcOffset, t = dstOffset;
        while (true)
        {
            if (tiled) Tile(src, s, ss[r - 2], si, dst, t, ds[r - 2], di, d[r - 2], inner);
            else Row(src, s, si, dst, t, di, inner);
            int ax = loopAxes - 1;
            for (; ax >= 0; ax--)
            {
                s += ss[ax]; t += ds[ax];
                if (++index[ax] < d[ax]) break;
                s -= ss[ax] * d[ax]; t -= ds[ax] * d[ax];
                index[ax] = 0;
            }
            if (ax < 0) return;
        }
    }

    private static void Row(float[] src, int s, int si, float[] dst, int t, int di, int n)
    {
        if (si == 1 && di == 1)
        {
            src.AsSpan(s, n).CopyTo(dst.AsSpan(t, n));
            return;
        }
        // Indices were validated by the view that produced them; skip per-element bounds checks.
        ref float from0 = ref MemoryMarshal.GetArrayDataReference(src);
        ref float to0 = ref MemoryMarshal.GetArrayDataReference(dst);
        for (int j = 0; j < n; j++) Unsafe.Add(ref to0, t + j * di) = Unsafe.Add(ref from0, s + j * si);
    }

    /// <summary>Tile edge: 32 × 32 floats = 4 KB per side, well inside L1 on both the read and the write side.</summary>
    private const int TileSize = 32;

    private static void Tile(float[] src, int s, int sRow, int sCol, float[] dst, int t, int dRow, int dCol, int rows, int cols)
    {
        for (int i0 = 0; i0 < rows; i0 += TileSize)
        {
            int iEnd = Math.Min(rows, i0 + TileSize);
            for (int j0 = 0; j0 < cols; j0 += TileSize)
            {
                int n = Math.Min(cols, j0 + TileSize) - j0;
                for (int i = i0; i < iEnd; i++)
                    Row(src, s + i * sRow + j0 * sCol, sCol, dst, t + i * dRow + j0 * dCol, dCol, n);
            }
        }
    }
}
