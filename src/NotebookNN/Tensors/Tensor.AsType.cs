namespace NotebookNN.Tensors;

public partial class Tensor
{
    /// <summary>
    /// numpy's <c>astype</c> for the one type NotebookNN computes in: <c>x.AsType("float32")</c>, as the tutorials
    /// convert their data, is a copy (or, with <paramref name="copy"/> false, the tensor itself, as numpy when nothing
    /// changes). Every NotebookNN tensor is float32 already.
    /// </summary>
    /// <exception cref="ArgumentException">Any other dtype, with a message saying tensors are float32.</exception>
    public Tensor AsType(string dtype, bool copy = true)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        if (dtype is not ("float32" or "f4"))
            throw new ArgumentException($"NotebookNN tensors are float32 (Keras's default floatx); AsType accepts only \"float32\". "
                + $"Received: dtype=\"{dtype}\". Keep the data as float32: integer labels and 0/1 masks are float32 values here too.");
        return copy ? CopyStrided() : this;
    }

    /// <summary>numpy's <c>astype</c> with a <see cref="Tensors.DType"/>: <c>x.AsType(DType.Float32)</c>.</summary>
    public Tensor AsType(DType dtype, bool copy = true) => AsType(dtype.Name, copy);
}
