using NotebookNN;
using NotebookNN.Tests.Support;
using static NotebookNN.Tests.Ops.OpsTestHelpers;

namespace NotebookNN.Tests.Ops;

/// <summary>Finite-difference checks of every differentiable op's tape gradient, including broadcasting
/// (gradient summed back to each input's shape), reductions, softmax and the fused cross-entropy ops.</summary>
public class GradientTests
{
    // Inputs keep 0.1 away from kinks (0 for relu/abs, ±3 for hard sigmoid, the clip bounds) so central differences are smooth.
    private static Tensor Mixed(params int[] dims) => T(AwayFromZero(new Shape(dims).Size, 2, 0.1, dims.Sum() + 11), dims);
    private static Tensor Positive(params int[] dims) => T(Uniform(new Shape(dims).Size, 0.5, 2.5, dims.Sum() + 13), dims);
    private static Tensor Distinct(params int[] dims)
    {
        int n = new Shape(dims).Size;
        var v = Enumerable.Range(0, n).Select(i => (float)(0.3 * i - 1)).ToArray();
        var rng = new Random(5);
        for (int i = n - 1; i > 0; i--) { int j = rng.Next(i + 1); (v[i], v[j]) = (v[j], v[i]); }
        return T(v, dims);
    }

    private static readonly Dictionary<string, (Func<Tensor[], Tensor> F, Func<Tensor[]> Inputs)> Cases = new()
    {
        ["neg"] = (x => -x[0], () => [Mixed(2, 3)]),
        ["abs"] = (x => Tensor.Abs(x[0]), () => [Mixed(2, 3)]),
        ["exp"] = (x => x[0].Exp(), () => [Mixed(2, 3)]),
        ["log"] = (x => Tensor.Log(x[0]), () => [Positive(2, 3)]),
        ["sqrt"] = (x => x[0].Sqrt(), () => [Positive(2, 3)]),
        ["square"] = (x => Tensor.Square(x[0]), () => [Mixed(2, 3)]),
        ["pow3"] = (x => x[0].Pow(3f), () => [Mixed(2, 3)]),
        ["pow_half"] = (x => Tensor.Pow(x[0], 0.5f), () => [Positive(2, 3)]),
        ["pow_tensor_broadcast"] = (x => Tensor.Pow(x[0], x[1]), () => [Positive(2, 3), Mixed(3)]),
        ["clip"] = (x => x[0].Clip(-0.75f, 0.65f), () => [T([-1.5f, -0.5f, 0.2f, 0.4f, 1.1f, -0.3f], 2, 3)]),
        ["add_broadcast"] = (x => x[0] + x[1], () => [Mixed(2, 3), Mixed(3)]),
        ["sub_broadcast"] = (x => x[0] - x[1], () => [Mixed(2, 1), Mixed(1, 3)]),
        ["mul_broadcast"] = (x => x[0] * x[1], () => [Mixed(2, 3), Mixed(2, 1)]),
        ["div_broadcast"] = (x => x[0] / x[1], () => [Mixed(3, 1), Positive(1, 4)]),
        ["div_scalar_shapes"] = (x => x[0] / x[1], () => [Mixed(2, 3), T([1.7f])]),
        ["scalar_ops"] = (x => (2f - x[0]) * 3f + 1.5f / (x[0] + 4f) - x[0] / 2f + (1f + x[0]), () => [Mixed(2, 3)]),
        ["maximum_broadcast"] = (x => Tensor.Maximum(x[0], x[1]), () => [Mixed(2, 3), T([0.05f, -0.95f, 1.45f], 3)]),
        ["minimum_broadcast"] = (x => x[0].Minimum(x[1]), () => [Mixed(2, 3), T([0.05f, -0.95f, 1.45f], 3)]),
        ["maximum_scalar"] = (x => Tensor.Maximum(x[0], 0.05f), () => [Mixed(2, 3)]),
        ["where_broadcast"] = (x => Tensor.Where(T([1f, 0f, 1f], 3), x[0], x[1]), () => [Mixed(2, 3), Mixed(2, 1)]),
        ["relu"] = (x => Tensor.Relu(x[0]), () => [Mixed(2, 3)]),
        ["leaky_relu"] = (x => x[0].LeakyRelu(), () => [Mixed(2, 3)]),
        ["elu"] = (x => Tensor.Elu(x[0], 0.7f), () => [Mixed(2, 3)]),
        ["selu"] = (x => x[0].Selu(), () => [Mixed(2, 3)]),
        ["sigmoid"] = (x => Tensor.Sigmoid(x[0]), () => [Mixed(2, 3)]),
        ["hard_sigmoid"] = (x => x[0].HardSigmoid(), () => [T([-4f, -2.5f, 0.3f, 1.9f, 2.8f, 3.5f], 2, 3)]),
        ["tanh"] = (x => Tensor.Tanh(x[0]), () => [Mixed(2, 3)]),
        ["softplus"] = (x => x[0].Softplus(), () => [Mixed(2, 3)]),
        ["softsign"] = (x => Tensor.Softsign(x[0]), () => [Mixed(2, 3)]),
        ["swish"] = (x => x[0].Swish(), () => [Mixed(2, 3)]),
        ["silu"] = (x => Tensor.Silu(x[0]), () => [Mixed(2, 3)]),
        ["exponential"] = (x => x[0].Exponential(), () => [Mixed(2, 3)]),
        ["gelu"] = (x => Tensor.Gelu(x[0]), () => [Mixed(2, 3)]),
        ["gelu_tanh"] = (x => x[0].Gelu(approximate: true), () => [Mixed(2, 3)]),
        ["sum_all"] = (x => x[0].Sum(), () => [Mixed(2, 3)]),
        ["sum_axis0"] = (x => x[0].Sum(axis: 0), () => [Mixed(3, 4)]),
        ["sum_axes_keep"] = (x => x[0].Sum([0, 2], keepDims: true), () => [Mixed(2, 3, 4)]),
        ["mean_last"] = (x => x[0].Mean(axis: -1), () => [Mixed(3, 4)]),
        ["max_axis1"] = (x => x[0].Max(axis: 1), () => [Distinct(3, 4)]),
        ["min_all"] = (x => x[0].Min(), () => [Distinct(3, 4)]),
        ["max_axis0_keep"] = (x => x[0].Max(axis: 0, keepDims: true), () => [Distinct(3, 2, 2)]),
        ["var_axis0"] = (x => x[0].Var(axis: 0), () => [Mixed(4, 3)]),
        ["std_axis1"] = (x => x[0].Std(axis: 1), () => [Mixed(3, 4)]),
        ["softmax_last"] = (x => x[0].Softmax(), () => [Mixed(3, 4)]),
        ["softmax_axis0"] = (x => Tensor.Softmax(x[0], axis: 0), () => [Mixed(3, 2, 2)]),
        ["log_softmax_last"] = (x => Tensor.LogSoftmax(x[0]), () => [Mixed(3, 4)]),
        ["log_softmax_axis1"] = (x => x[0].LogSoftmax(axis: 1), () => [Mixed(2, 3, 2)]),
        ["sparse_softmax_ce"] = (x => Tensor.SparseSoftmaxCrossEntropy(x[0], T([2f, 0f, 3f, 1f], 4)), () => [Mixed(4, 5)]),
        ["sparse_softmax_ce_col"] = (x => Tensor.SparseSoftmaxCrossEntropy(x[0], T([1f, 1f, 0f], 3, 1)), () => [Mixed(3, 2)]),
        ["softmax_ce_onehot"] = (x => Tensor.SoftmaxCrossEntropy(x[0], T([0f, 1f, 0f, 0f, 0f, 1f], 2, 3)), () => [Mixed(2, 3)]),
        ["softmax_ce_soft"] = (x => Tensor.SoftmaxCrossEntropy(x[0], T([0.2f, 0.5f, 0.3f, 0.6f, 0.1f, 0.5f], 2, 3)), () => [Mixed(2, 3)]),
        ["sigmoid_ce"] = (x => Tensor.SigmoidCrossEntropy(x[0], T([0f, 1f, 1f, 0f, 0.3f, 1f], 2, 3)), () => [Mixed(2, 3)]),
        ["reuse_accumulates"] = (x => x[0] * x[0] + Tensor.Exp(x[0]).Sum(axis: 0) * x[1], () => [Mixed(2, 3), Mixed(3)]),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory, MemberData(nameof(Names))]
    public void TapeGradientMatchesFiniteDifferences(string name)
    {
        var (f, inputs) = Cases[name];
        GradCheck.Check(f, inputs(), step: 1e-2, tolerance: 2e-2);
    }

    [Fact]
    public void ComparisonsAreNotRecorded()
    {
        var x = Mixed(2, 3);
        using var tape = new GradientTape();
        tape.Watch(x);
        var mask = x > 0f;
        Assert.Equal(0, tape.RecordedOps);
        var y = (x * mask).Sum();
        Assert.Equal(x.ToArray().Select(v => v > 0 ? 1f : 0f), tape.Gradient(y, x)!.ToArray());
    }
}
