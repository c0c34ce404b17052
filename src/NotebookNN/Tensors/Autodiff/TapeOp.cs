namespace NotebookNN.Tensors;

/// <summary>
/// One op recorded on a <see cref="GradientTape"/>: its output, its inputs and its backward code. An op that runs in
/// every training step subclasses this with the values its backward needs as fields; the tape keeps finished
/// instances per type and hands them out again (<see cref="GradientTape.Push{T}(Tensor, Tensor)"/>), so recording it
/// allocates nothing after the first step. Other ops record a closure (<see cref="GradientTape.Record(Tensor, Tensor, Func{Tensor, Tensor})"/>).
/// </summary>
internal abstract class TapeOp
{
    internal Tensor Output = null!;
    /// <summary>The <see cref="StepProfile"/> section that recorded the op (its backward is charged there when profiling).</summary>
    internal int Section;
    /// <summary>The inputs, in an array of the instance's own for that arity (one op type may be recorded with two or
    /// three inputs, as a dense layer with or without a bias: each arity keeps its array).</summary>
    internal Tensor[] Inputs = [];
    private Tensor[]? _one, _two, _three;

    /// <summary>
    /// Writes the gradient of each input i with <paramref name="needed"/>[i] set into <paramref name="grads"/>[i]
    /// (which arrives cleared; entries not needed may stay null), from <paramref name="outputGrad"/>.
    /// Neither array may be kept: the tape reuses them.
    /// </summary>
    internal abstract void Backward(Tensor outputGrad, bool[] needed, Tensor?[] grads);

    /// <summary>Drops the tensors the op refers to before the instance is reused; subclasses clear their own fields too.</summary>
    internal virtual void Clear()
    {
        Output = null!;
        Array.Clear(Inputs);
    }

    internal void SetInputs(Tensor a)
    {
        Inputs = _one ??= new Tensor[1];
        Inputs[0] = a;
    }

    internal void SetInputs(Tensor a, Tensor b)
    {
        Inputs = _two ??= new Tensor[2];
        Inputs[0] = a;
        Inputs[1] = b;
    }

    internal void SetInputs(Tensor a, Tensor b, Tensor c)
    {
        Inputs = _three ??= new Tensor[3];
        Inputs[0] = a;
        Inputs[1] = b;
        Inputs[2] = c;
    }
}

/// <summary>An op recorded with a closure: the backward function allocated by the caller.</summary>
internal sealed class ClosureOp : TapeOp
{
    internal GradientTape.BackwardFn Fn = null!;

    internal override void Backward(Tensor outputGrad, bool[] needed, Tensor?[] grads)
    {
        var result = Fn(outputGrad, needed);
        result.AsSpan(0, grads.Length).CopyTo(grads);
    }

    internal override void Clear()
    {
        Output = null!;
        Inputs = []; // the caller's array: never written here
        Fn = null!;
    }
}
