using NotebookNN;
using NotebookNN.Layers;
using NotebookNN.Losses;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Tensors;

public class TensorArenaTests
{
    [Fact]
    public void StorageIsReusedAcrossScopesByExactLength()
    {
        var arena = new TensorArena();
        float[] first;
        using (arena.Enter()) first = Tensor.Zeros([3, 5]).Data;
        using (arena.Enter())
        {
            Assert.Same(first, Tensor.Zeros([15]).Data);     // same length: reused, and cleared by Zeros
            Assert.All(Tensor.Zeros([15]).Data, v => Assert.Equal(0f, v));
            Assert.NotSame(first, Tensor.Zeros([16]).Data); // other lengths get their own arrays
        }
        Assert.Null(TensorArena.Current);
        Assert.NotSame(first, Tensor.Zeros([15]).Data);     // outside a scope nothing is pooled
    }

    [Fact]
    public void TensorObjectsAreReusedAcrossScopesAndHoldNothingAfterTheirStep()
    {
        var arena = new TensorArena();
        Tensor first, view;
        using (arena.Enter())
        {
            first = Tensor.Zeros([3, 5]);
            view = first.T; // a strided view is pooled too
            Assert.Equal([5, 3], view.Shape.ToArray());
            Assert.Equal([1, 5], view.Strides);
        }
        Assert.Empty(first.Data); // released: a tensor kept past its step has no storage left to misread
        using (arena.Enter())
        {
            var again = Tensor.Full([2, 7], 4f);
            Assert.Same(first, again); // the same object, now a (2, 7) tensor of fours
            Assert.Equal([2, 7], again.Shape.ToArray());
            Assert.All(again.ToArray(), v => Assert.Equal(4f, v));
        }
    }

    /// <summary>A custom layer that keeps its last input: a tensor of the step, which must not be read after it.</summary>
    private sealed class Keeper : Layer
    {
        public Tensor? Last;
        public override Tensor Call(Tensor inputs, bool training = false) { Last = inputs; return inputs; }
    }

    [Fact]
    public void ATensorKeptPastItsStepFailsClearlyInsteadOfShowingReusedValues()
    {
        var keeper = new Keeper();
        var model = new Sequential([new Dense(3, inputShape: [2]), keeper, new Dense(1)]);
        model.Compile(optimizer: "sgd", loss: "mse");
        var x = Tensor.RandomUniform([64, 2], seed: 3);
        model.Fit(x, Tensor.RandomUniform([64, 1], seed: 4), batchSize: 16, epochs: 1, verbose: 0);
        var kept = keeper.Last!;
        Assert.Equal([16, 3], kept.Shape.ToArray()); // the shape stays readable
        var e = Assert.Throws<InvalidOperationException>(() => kept.ToArray());
        Assert.Contains("inside a Fit, Evaluate or Predict step", e.Message);
        Assert.Contains("shape (16, 3)", e.Message);
        Assert.Throws<InvalidOperationException>(() => kept.T.ToArray()); // a strided view of it too
        Assert.Throws<InvalidOperationException>(() => kept[0, 0].Item());
    }

    [Fact]
    public void ShapesOfStepTensorsAreInternedAndStayValid()
    {
        var arena = new TensorArena();
        Shape kept;
        int[] dims;
        using (arena.Enter())
        {
            var a = Tensor.Zeros([4, 6]);
            var b = Tensor.Zeros([4, 6]);
            Assert.Same(a.Dims, b.Dims);       // one array per distinct shape
            Assert.Same(a.Strides, b.Strides);
            kept = a.Shape;                     // a layer may keep the shape it was built for
            dims = a.Dims;
        }
        using (arena.Enter())
        {
            for (int i = 1; i < 50; i++) Tensor.Zeros([i, i + 1]); // other shapes reuse the tensor objects
            Assert.Same(dims, Tensor.Zeros([4, 6]).Dims);
        }
        Assert.Equal(new Shape(4, 6), kept);
    }

    [Fact]
    public void ShapeTableCopiesPastItsLimitInsteadOfGrowing()
    {
        var table = new ShapeTable();
        Assert.Same(table.Intern([3, 4]), table.Intern([3, 4]));
        for (int i = 0; i < ShapeTable.MaxEntries + 100; i++) table.Intern([i, 10_000 + i]); // e.g. a new sequence length every step
        var late = table.Intern([50_000, 1]);
        Assert.Equal([50_000, 1], late);
        Assert.NotSame(late, table.Intern([50_000, 1])); // copied, not interned: the table stays bounded
        Assert.Same(table.Intern([3, 4]), table.Intern([3, 4]));
        Assert.Equal([7, 10_007], table.Intern([7, 10_007])); // interned before the limit: found among the rest
        Assert.Same(table.Intern([7, 10_007]), table.Intern([7, 10_007]));
        var fresh = new ShapeTable();
        var (d, s) = fresh.InternContiguous([2, 3, 4]);
        Assert.Equal([12, 4, 1], s);
        Assert.Same(s, fresh.InternContiguous([2, 3, 4]).Strides);
        Assert.Same(d, fresh.Intern([2, 3, 4]));
        Assert.Equal([2, 3, 4], d);
    }

    [Fact]
    public void ZerosFromTheArenaAreZeroEvenAfterReuse()
    {
        var arena = new TensorArena();
        using (arena.Enter()) Tensor.Full([64], 7f);
        using (arena.Enter()) Assert.All(Tensor.Zeros([64]).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void VariablesAndSlotsCreatedInsideAStepOwnTheirStorage()
    {
        // Model A is built, and its optimizer's slots created, inside its first training step (in the arena);
        // model B is built before training. Same seed, so the same initial weights; same batches (no shuffle). If A's
        // weights or slots aliased arena storage, later steps would overwrite them and the trajectories would part.
        var x = Tensor.RandomUniform([64, 5], seed: 1);
        var y = Tensor.RandomUniform([64, 2], seed: 2);
        Sequential Make() => new([new Dense(4, activation: "relu"), new Dense(2)]);

        Utils.SetRandomSeed(7);
        var a = Make();
        a.Compile(optimizer: new Adam(learningRate: 0.01), loss: "mse");
        a.Fit(x, y, batchSize: 16, epochs: 3, verbose: 0, shuffle: false);

        Utils.SetRandomSeed(7);
        var b = Make();
        b.Build([5]);
        b.Compile(optimizer: new Adam(learningRate: 0.01), loss: "mse");
        b.TrainOnBatch(x[..16], y[..16]); // B's slots are created here, outside Fit's steps
        b.Fit(x[16..], y[16..], batchSize: 16, epochs: 1, verbose: 0, shuffle: false);
        b.Fit(x, y, batchSize: 16, epochs: 2, verbose: 0, shuffle: false);

        var wa = a.GetWeights();
        var wb = b.GetWeights();
        for (int i = 0; i < wa.Count; i++) Assert.Equal(wb[i].ToArray(), wa[i].ToArray());
    }

    [Fact]
    public void PredictResultsSurviveLaterSteps()
    {
        Utils.SetRandomSeed(4);
        var model = new Sequential([new Dense(3, inputShape: [2])]);
        var x = Tensor.RandomUniform([10, 2]);
        var p1 = model.Predict(x, batchSize: 4);
        var copy = p1.ToArray();
        model.Predict(Tensor.RandomUniform([10, 2]), batchSize: 4);
        Assert.Equal(copy, p1.ToArray());
        // and equal to a direct float64 computation
        var w = model.GetWeights();
        var k = w[0].ToArray(); var b = w[1].ToArray(); var xs = x.ToArray();
        for (int i = 0; i < 10; i++)
            for (int j = 0; j < 3; j++)
            {
                double s = b[j];
                for (int t = 0; t < 2; t++) s += (double)xs[i * 2 + t] * k[t * 3 + j];
                Assert.Equal(s, copy[i * 3 + j], 5e-6);
            }
    }
}
