using NotebookNN.Tensors;

namespace NotebookNN.Layers;

/// <summary>
/// Joins its inputs along an axis (keras.layers.Concatenate); every other axis must match. The axis counts the batch
/// axis as 0, as in Keras: the default -1 is the last feature axis.
/// </summary>
public sealed class Concatenate : Merge
{
    /// <param name="axis">The axis to join along (batch axis = 0); default -1, the last.</param>
    /// <param name="name">The layer's name; default <c>concatenate</c>, <c>concatenate_1</c>, ….</param>
    public Concatenate(int axis = -1, string? name = null) : base(name)
    {
        if (axis == 0) throw new ArgumentException("Received an invalid value for `axis`: 0 is the batch axis, which cannot be concatenated. Received: axis=0");
        Axis = axis;
    }

    /// <summary>The axis joined along (batch axis = 0).</summary>
    public int Axis { get; }

    protected override Tensor MergeTensors(Tensor[] inputs) => Tensor.Concatenate(inputs, Axis);

    protected override Shape MergeShapes(Shape[] shapes)
    {
        int rank = shapes[0].Rank;
        int a = Axis < 0 ? rank + Axis : Axis - 1;
        bool ok = a >= 0 && a < rank && shapes.All(s => s.Rank == rank);
        var dims = (int[])shapes[0].Dims.Clone();
        for (int i = 1; ok && i < shapes.Length; i++)
        {
            for (int d = 0; d < rank; d++) ok &= d == a || shapes[i][d] == dims[d];
            if (ok) dims[a] += shapes[i][a];
        }
        if (!ok)
            throw new ArgumentException($"A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape={ShapeList(shapes)}, axis={Axis}");
        return Shape.Wrap(dims);
    }

    public override Dictionary<string, object?> GetConfig()
    {
        var config = base.GetConfig();
        config["axis"] = Axis;
        return config;
    }
}
