using System.Numerics.Tensors;

namespace NotebookNN.Kernels.Drivers;

/// <summary>
/// Copies (or adds) the elements of one strided layout into another of the same dims. Axes that are
/// contiguous in both layouts are merged first, so a copy between row-major blocks runs as a few long
/// span copies, and only truly strided innermost axes fall back to an element loop.
/// </summary>
internal static class StridedCopy
{
    /// <summary>dst[i] = src[i] (or dst[i] += src[i] when <paramref name="accumulate"/>) over every index i of <paramref name="dims"/>.</summary>
    public static void Run(float[] src, int srcOffset, ReadOnlySpan<int> srcStrides,
                           float[] dst, int dstOffset, ReadOnlySpan<int> dstStrides,
                           ReadOnlySpan<int> dims, bool accumulate = false)
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
        Span<int> index = stackalloc int[r];
        index.Clear();
        int s = srcOffset, t = dstOffset;
        while (true)
        {
            Row(src, s, si, dst, t, di, inner, accumulate);
            int ax = r - 2;
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

    /// <summary>Copies or adds <paramref name="src"/> into <paramref name="dst"/>; both must have the same dims.</summary>
    public static void Run(Tensor src, Tensor dst, bool accumulate = false) =>
        Run(src.Data, src.Offset, src.Strides, dst.Data, dst.Offset, dst.Strides, dst.Dims, accumulate);

    private static void Row(float[] src, int s, int si, float[] dst, int t, int di, int n, bool accumulate)
    {
        if (si == 1 && di == 1)
        {
            var from = src.AsSpan(s, n);
            var to = dst.AsSpan(t, n);
            if (accumulate) TensorPrimitives.Add(to, from, to);
            else from.CopyTo(to);
            return;
        }
        if (accumulate) for (int j = 0; j < n; j++) dst[t + j * di] += src[s + j * si];
        else for (int j = 0; j < n; j++) dst[t + j * di] = src[s + j * si];
    }
}
