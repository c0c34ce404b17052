using System.Runtime.Intrinsics;
using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Threading;

namespace NotebookNN.Tensors;

/// <summary>
/// numpy broadcasting for binary ops. Shapes align from the right; a dimension of 1 (or a missing leading
/// one) stretches. Axes that step alike in both operands are merged, so the innermost run is always one
/// span∘span / span∘scalar / scalar∘span driver call and only whole rows are indexed.
/// </summary>
internal static unsafe class Broadcast
{
    /// <summary>The broadcast result dims of two shapes, or numpy's error naming both.</summary>
    public static int[] ResultDims(int[] a, int[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var dims = new int[rank];
        for (int i = 1; i <= rank; i++)
        {
            int da = i <= a.Length ? a[^i] : 1, db = i <= b.Length ? b[^i] : 1;
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"Operands could not be broadcast together with shapes {Shape.Format(a)} {Shape.Format(b)}");
            dims[rank - i] = da == 1 ? db : da;
        }
        return dims;
    }

    /// <summary>z = TOp(a, b) broadcast to the common shape, as a new contiguous tensor.</summary>
    public static Tensor Binary<TOp>(Tensor a, Tensor b) where TOp : IBinaryOp
    {
        var dims = a.Dims.AsSpan().SequenceEqual(b.Dims) ? a.Dims : ResultDims(a.Dims, b.Dims);
        var z = Tensor.NewUninitialized(dims);
        Into<TOp>(a.Contiguous(), b.Contiguous(), z);
        return z;
    }

    /// <summary>A contiguous copy of <paramref name="t"/> stretched to <paramref name="dims"/> (which it must broadcast to).</summary>
    public static Tensor To(Tensor t, int[] dims)
    {
        if (t.Dims.AsSpan().SequenceEqual(dims)) return t.Contiguous();
        if (!CanStretch(t.Dims, dims))
            throw new ArgumentException($"Cannot broadcast a tensor of shape {t.Shape} to shape {Shape.Format(dims)}");
        var z = Tensor.NewUninitialized(dims);
        var c = t.Contiguous();
        if (c.Size == 1) z.Span.Fill(c.Data[c.Offset]);
        else Into<FirstOp>(c, c, z); // the second operand only has to broadcast: FirstOp ignores it
        return z;
    }

    /// <summary>Whether dims <paramref name="from"/> broadcast to exactly <paramref name="to"/>.</summary>
    internal static bool CanStretch(ReadOnlySpan<int> from, ReadOnlySpan<int> to)
    {
        if (from.Length > to.Length) return false;
        for (int i = 1; i <= from.Length; i++)
            if (from[^i] != to[^i] && from[^i] != 1) return false;
        return true;
    }

    /// <summary>Sums a broadcast gradient back to an input's shape (over stretched and leading axes).</summary>
    public static Tensor SumTo(Tensor g, Shape shape)
    {
        if (g.Shape == shape) return g;
        var target = shape.Dims;
        int lead = g.NDim - target.Length;
        var axes = new List<int>();
        for (int i = 0; i < g.NDim; i++)
            if (i < lead || (target[i - lead] == 1 && g.Dims[i] != 1)) axes.Add(i);
        var summed = Reduction.Reduce<Compute.Ops.AddOp>(g, [.. axes]);
        return Relabel(summed, target);
    }

    /// <summary>A contiguous tensor seen with other dims of the same size (shares storage).</summary>
    public static Tensor Relabel(Tensor t, ReadOnlySpan<int> dims)
    {
        var c = t.Contiguous();
        return Tensor.View(c.Data, c.Offset, dims);
    }

    /// <summary>Writes TOp(a, b) into z; a and b contiguous and broadcastable to z's dims.</summary>
    internal static void Into<TOp>(Tensor a, Tensor b, Tensor z) where TOp : IBinaryOp
    {
        int n = z.Size;
        if (n == 0) return;
        var zs = z.Span;
        if (a.Size == n && b.Size == n) { BinaryDriver.Run<TOp>(a.Span, b.Span, zs); return; }
        if (a.Size == 1 && b.Size == n) { BinaryDriver.Run<TOp>(a.Data[a.Offset], b.Span, zs); return; }
        if (b.Size == 1 && a.Size == n) { BinaryDriver.Run<TOp>(a.Span, b.Data[b.Offset], zs); return; }

        var plan = Plan.Make(a.Dims, b.Dims, z.Dims);
        fixed (float* pa = a.Span, pb = b.Span, pz = zs)
        {
            var body = new Rows<TOp> { A = pa, B = pb, Z = pz, Plan = plan };
            int rows = plan.Rows;
            int rowsPerItem = Math.Max(1, ParallelThresholds.ChunkElements / plan.Inner);
            body.RowsPerItem = rowsPerItem;
            int items = (rows + rowsPerItem - 1) / rowsPerItem;
            if (n < ParallelThresholds.Elementwise || items == 1) for (int i = 0; i < items; i++) body.Invoke(i);
            else ComputePool.For(items, ref body);
        }
    }

    /// <summary>The merged iteration space: an inner run plus outer axes (innermost first) with element strides.</summary>
    internal sealed class Plan
    {
        public int Inner, InnerStrideA, InnerStrideB, Rows;
        public int[] OuterDims = [], OuterStrideA = [], OuterStrideB = [];

        public static Plan Make(int[] a, int[] b, int[] z)
        {
            int rank = z.Length;
            var sa = Strides(a, rank); var sb = Strides(b, rank);
            var dims = new List<int>(); var la = new List<int>(); var lb = new List<int>();
            for (int ax = rank - 1; ax >= 0; ax--)
            {
                if (z[ax] == 1) continue;
                int k = dims.Count - 1;
                if (k >= 0 && sa[ax] == la[k] * dims[k] && sb[ax] == lb[k] * dims[k]) { dims[k] *= z[ax]; continue; }
                dims.Add(z[ax]); la.Add(sa[ax]); lb.Add(sb[ax]);
            }
            if (dims.Count == 0) { dims.Add(1); la.Add(1); lb.Add(1); }
            int rows = 1;
            for (int i = 1; i < dims.Count; i++) rows *= dims[i];
            return new Plan
            {
                Inner = dims[0], InnerStrideA = la[0], InnerStrideB = lb[0], Rows = rows,
                OuterDims = [.. dims.Skip(1)], OuterStrideA = [.. la.Skip(1)], OuterStrideB = [.. lb.Skip(1)],
            };
        }

        // Element strides of a contiguous operand aligned right to the result rank; 0 on stretched axes.
        private static int[] Strides(int[] dims, int rank)
        {
            var s = new int[rank];
            int acc = 1;
            for (int i = 1; i <= dims.Length; i++)
            {
                s[rank - i] = dims[^i] == 1 ? 0 : acc;
                acc *= dims[^i];
            }
            return s;
        }
    }

    private struct Rows<TOp> : IParallelBody where TOp : IBinaryOp
    {
        public float* A, B, Z;
        public Plan Plan;
        public int RowsPerItem;

        public void Invoke(int item)
        {
            var p = Plan;
            int end = Math.Min(p.Rows, (item + 1) * RowsPerItem);
            for (int row = item * RowsPerItem; row < end; row++)
            {
                long oa = 0, ob = 0;
                for (int k = 0, rest = row; k < p.OuterDims.Length; k++)
                {
                    int idx = rest % p.OuterDims[k];
                    rest /= p.OuterDims[k];
                    oa += (long)idx * p.OuterStrideA[k];
                    ob += (long)idx * p.OuterStrideB[k];
                }
                float* a = A + oa, b = B + ob, z = Z + (long)row * p.Inner;
                if (p.InnerStrideA == 0 && p.InnerStrideB == 0)
                    BinaryDriver.Core<TOp, BinaryDriver.Scalar, BinaryDriver.Scalar>(a, b, z, p.Inner);
                else if (p.InnerStrideA == 0) BinaryDriver.Core<TOp, BinaryDriver.Scalar, BinaryDriver.Span>(a, b, z, p.Inner);
                else if (p.InnerStrideB == 0) BinaryDriver.Core<TOp, BinaryDriver.Span, BinaryDriver.Scalar>(a, b, z, p.Inner);
                else BinaryDriver.Core<TOp, BinaryDriver.Span, BinaryDriver.Span>(a, b, z, p.Inner);
            }
        }
    }

    /// <summary>(x, y) → x: copies the left operand while broadcasting it.</summary>
    private readonly struct FirstOp : IBinaryOp
    {
        public static float Invoke(float x, float y) => x;
        public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => x;
        public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => x;
    }
}
