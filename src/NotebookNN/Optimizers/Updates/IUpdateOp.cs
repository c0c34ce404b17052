using System.Runtime.Intrinsics;

namespace NotebookNN.Optimizers;

/// <summary>
/// One optimizer's element-wise update rule, run by <see cref="UpdateDriver"/>: updates a variable element (or
/// a vector of them) in place from its gradient and up to three slot values. Unused slots are passed as zeros
/// and their results discarded. Scalars (learning rate, betas) are fields of the implementing struct.
/// </summary>
internal interface IUpdateOp
{
    /// <summary>True for updates that do a square root and a division per element: compute-bound, so the driver
    /// splits large variables across the cores; memory-bound ones (SGD) run on one.</summary>
    static virtual bool ComputeBound => false;

    void Invoke(ref float v, float g, ref float s0, ref float s1, ref float s2);
    void Invoke(ref Vector512<float> v, Vector512<float> g, ref Vector512<float> s0, ref Vector512<float> s1, ref Vector512<float> s2);
}
