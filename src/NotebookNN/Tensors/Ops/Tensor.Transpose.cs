
namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Permutes the axes (numpy's <c>transpose</c>): output axis i is input axis <paramref name="perm"/>[i];
    /// with no arguments the axes are reversed. A view sharing storage; negative axes count from the end.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="perm"/> is not a permutation of the axes.</exception>
    public Tensor Transpose(params int[] perm)
    {
        ArgumentNullException.ThrowIfNull(perm);
        int rank = Dims.Length;
        var p = new int[rank];
        if (perm.Length == 0) for (int i = 0; i < rank; i++) p[i] = rank - 1 - i;
        else
        {
            if (perm.Length != rank) throw BadPermutation(perm);
            var seen = new bool[rank];
            for (int i = 0; i < rank; i++)
            {
                int a = perm[i] < 0 ? perm[i] + rank : perm[i];
                if (a < 0 || a >= rank || seen[a]) throw BadPermutation(perm);
                seen[a] = true;
                p[i] = a;
            }
        }
        var dims = new int[rank];
        var strides = new int[rank];
        var inverse = new int[rank];
        for (int i = 0; i < rank; i++) { dims[i] = Dims[p[i]]; strides[i] = Strides[p[i]]; inverse[p[i]] = i; }
        var y = View(Data, Offset, dims, strides);
        GradientTape.Record(y, this, g => g.Transpose(inverse).Contiguous());
        return y;
    }

    /// <summary>The transpose with the axes reversed (numpy's <c>.T</c>).</summary>
    public Tensor T => Transpose();

    private ArgumentException BadPermutation(int[] perm) =>
        new($"Transpose expects a permutation of the axes of a {Dims.Length}-D tensor. Received: perm={Shape.Format(perm)} for shape {Shape}");
}
