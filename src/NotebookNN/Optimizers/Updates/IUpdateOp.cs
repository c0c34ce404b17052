using System.Runtime.Intrinsics;

namespace NotebookNN.Optimizers;

/// <summary>
/// One optimizer's element-wise update rule, run by <see cref="UpdateDriver"/>: updates a variable element (or
/// a vector of them) in place from its gradient and up to three slot values. Unused slots are passed as zeros
/// and their results discarded. Scalars (learning rate, betas) are fields of the implementing struct.
/// </summary>
internal interface IUpdateOp
{
    void Invoke(ref float v, float g, ref float s0, ref float s1, ref float s2);
    void Invoke(ref Vector512<float> v, Vector512<float> g, ref Vector512<float> s0, ref Vector512<float> s1, ref Vector512<float> s2);
}
