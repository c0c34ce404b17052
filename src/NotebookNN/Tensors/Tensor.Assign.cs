using NotebookNN.Compute.Drivers;
using NotebookNN.Compute.Ops;

namespace NotebookNN.Tensors;

// numpy's item assignment (setitem) and integer-array reads.
public partial class Tensor
{
    /// <summary>A scalar as a 0-D tensor, so a number can be assigned to a selection: <c>results[i, j] = 1.0</c>.</summary>
    public static implicit operator Tensor(double value) => Scalar(value);

    /// <summary>
    /// numpy's setitem: writes <paramref name="value"/> (broadcast to the selection's shape) into the elements
    /// <paramref name="indices"/> select, in place. A selection that reads as a view writes through to the tensor it
    /// views, as in numpy; with integer arrays, positions repeated get the last value written.
    /// Refused while a <see cref="GradientTape"/> records the tensor or the value, as TensorFlow refuses item
    /// assignment on a tf.Tensor: the tape could not differentiate through an overwrite.
    /// </summary>
    private void Assign(TensorIndex[] indices, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (GradientTape.Recording(this, value) is not null)
            throw new InvalidOperationException("A tensor recorded by a GradientTape does not support item assignment (as TensorFlow's tf.Tensor): "
                + "the tape cannot differentiate through an overwrite. Build a new tensor with ops instead, e.g. Tensor.Where(mask, value, x), "
                + "or assign outside the tape.");
        if (ReferenceEquals(value.Data, Data)) value = value.CopyStrided(); // the value may overlap the elements written
        if (!AdvancedIndex.Applies(indices))
        {
            var target = View(indices);
            CopyElements(Stretched(value, target.Dims), target);
            return;
        }
        var advanced = new AdvancedIndex(this, indices);
        var source = Stretched(value, advanced.Dims);
        var slotStrides = advanced.SlotStrides(source);
        for (int k = 0; k < advanced.Length; k++)
            StridedCopy.Run(source.Data, source.Offset + k * source.Strides[advanced.Axis], slotStrides,
                Data, advanced.Offset(k), advanced.BlockStrides, advanced.BlockDims);
    }

    /// <summary><paramref name="value"/> broadcast to <paramref name="dims"/>, with numpy's message when it cannot be.</summary>
    private static Tensor Stretched(Tensor value, int[] dims)
    {
        if (!Broadcast.CanStretch(value.Dims, dims))
            throw new ArgumentException($"could not broadcast input array from shape {value.Shape} into shape {Shape.Format(dims)}");
        return Broadcast.To(value, dims);
    }

    /// <summary>The positions an integer-array index selects, copied (numpy's advanced indexing reads a copy).
    /// The gradient adds back into each position selected (repeated positions sum).</summary>
    private Tensor Gather(AdvancedIndex advanced)
    {
        var result = NewUninitialized(advanced.Dims);
        var slotStrides = advanced.SlotStrides(result);
        for (int k = 0; k < advanced.Length; k++)
            StridedCopy.Run(Data, advanced.Offset(k), advanced.BlockStrides,
                result.Data, result.Offset + k * result.Strides[advanced.Axis], slotStrides, advanced.BlockDims);
        GradientTape.Record(result, this, g => ScatterAdd(g, advanced));
        return result;
    }

    private Tensor ScatterAdd(Tensor g, AdvancedIndex advanced)
    {
        var dx = NewZeros(Dims);
        for (int k = 0; k < advanced.Length; k++)
        {
            var slot = dx.View(advanced.Basic(k));
            CopyElements(Elementwise.Binary<AddOp>(slot, g.View(advanced.Slot(k))), slot);
        }
        return dx;
    }
}
