using NotebookNN;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Optimizers;

/// <summary>Slots that decay under zero gradients must reach 0 without passing through subnormal floats (slow on x86).</summary>
public class SubnormalFlushTests
{
    public static TheoryData<string> Names => new() { "adam", "rmsprop", "nadam", "adamw", "sgd_momentum" };

    [Theory]
    [MemberData(nameof(Names))]
    public void DecayingSlotsSkipSubnormals(string name)
    {
        var opt = name == "sgd_momentum" ? new SGD(learningRate: 0.01, momentum: 0.9) : Optimizer.Get(name);
        // 37 elements: the vector body and the scalar tail.
        var w = new Variable(Tensor.Full([37], 0.5f));
        opt.Apply([Tensor.Full([37], 1f)], [w]);
        var zero = Tensor.Zeros([37]);
        bool sawSubnormal = false;
        for (int step = 0; step < 2000; step++)
        {
            opt.Apply([zero], [w]);
            foreach (var slot in opt.Variables)
                foreach (var v in slot.ToArray())
                    sawSubnormal |= float.IsSubnormal(v);
        }
        Assert.False(sawSubnormal);
        // and the decay really happened: a momentum slot that started at a normal value is now exactly 0.
        Assert.Contains(opt.Variables, s => s.ToArray().All(v => v == 0f));
    }
}
