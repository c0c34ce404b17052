using System.Text.Json;
using NotebookNN.Tests.Support;

namespace NotebookNN.Tests.Tensors;

/// <summary>
/// numpy's item assignment and integer-array reads, the way the tutorials write them (<c>results[i, sequence] = 1.</c>
/// in vectorize_sequences, <c>results[i, label] = 1.</c> in to_one_hot). Each case's expected array is what numpy
/// gives for the same statement (Fixtures/setitem_cases.json, made by make_setitem_cases.py).
/// </summary>
public class SetItemTests
{
    private static Tensor Base(params int[] shape) => Tensor.Arange(new Shape(shape).Size).Reshape(shape);

    public static TheoryData<string> Cases => [.. Statements.Keys];

    private static readonly Dictionary<string, Func<Tensor>> Statements = new()
    {
        ["int_int_scalar"] = () => { var a = Base(3, 4); a[1, 2] = 1.0; return a; },
        ["row_scalar"] = () => { var a = Base(3, 4); a[1] = 7; return a; },
        ["range_broadcast_row"] = () => { var a = Base(3, 4); a[1.., ..] = Tensor.From(new[] { 10, 20, 30, 40 }); return a; },
        ["column_from_end"] = () => { var a = Base(3, 4); a[.., ^1] = Tensor.From(new[] { -1, -2, -3 }); return a; },
        ["vectorize_sequences"] = () =>
        {
            int[][] sequences = [[0, 3], [1, 1, 5], []];
            var results = Tensor.Zeros(sequences.Length, 6);
            for (int i = 0; i < sequences.Length; i++) results[i, sequences[i]] = 1.0;
            return results;
        },
        ["to_one_hot"] = () =>
        {
            int[] labels = [3, 0, 4, 3];
            var results = Tensor.Zeros(labels.Length, 5);
            for (int i = 0; i < labels.Length; i++) results[i, labels[i]] = 1f;
            return results;
        },
        ["array_first_axis"] = () => { var a = Base(3, 4); a[new[] { 2, 0 }] = Tensor.From(new[] { 100, 101, 102, 103 }); return a; },
        ["array_with_range"] = () => { var a = Base(3, 4); a[new[] { 0, 2 }, 1..3] = Tensor.From(new[,] { { 1f, 2 }, { 3, 4 } }); return a; },
        ["nonadjacent"] = () => { var a = Base(2, 3, 4); a[0, .., new[] { 1, 3 }] = Tensor.Arange(6).Reshape(2, 3) + 100; return a; },
        ["two_arrays"] = () => { var a = Tensor.Zeros(4, 5); a[new[] { 0, 1, 2, 3 }, new List<int> { 3, 0, 4, 3 }] = 1; return a; },
        ["repeated_last_wins"] = () => { var a = Base(3, 4); a[new[] { 1, 1 }] = Tensor.Arange(1, 9).Reshape(2, 4); return a; },
        ["negative_positions"] = () => { var a = Base(3, 4); a[new[] { -1 }] = 9; return a; },
        ["view_writes_base"] = () => { var a = Base(3, 4); var row = a[1]; row[2] = 50; return a; },
        ["range_view_writes_base"] = () => { var a = Base(3, 4); var v = a[.., 1..3]; v[0] = Tensor.From(new[] { 7, 8 }); return a; },
        ["tensor_broadcast_column"] = () => { var a = Base(3, 4); a[.., 1..3] = Tensor.From(new[,] { { 1f }, { 2 }, { 3 } }); return a; },
        ["overlap"] = () => { var a = Base(3, 4); a[1..] = a[..^1]; return a; },
        ["read_rows"] = () => Base(3, 4)[new[] { 2, 0, 2 }],
        ["read_nonadjacent"] = () => Base(2, 3, 4)[0, .., new[] { 1, 3 }],
        ["read_adjacent_int_array"] = () => Base(2, 3, 4)[.., 1, new[] { 0, 3 }],
        ["read_two_arrays"] = () => Base(3, 4)[new[] { 0, 2 }, new[] { 1, 3 }],
        ["read_array_then_range"] = () => Base(3, 4)[new[] { 1 }, 2..],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesNumpy(string name)
    {
        var expected = Load()[name];
        var actual = Statements[name]();
        Assert.Equal(new Shape(expected.Shape), actual.Shape);
        Assert.Equal(expected.Values.Select(v => (float)v).ToArray(), actual.ToArray());
    }

    [Fact]
    public void EveryNumpyCaseHasAStatement() => Assert.Equal(Load().Keys.Order(), Statements.Keys.Order());

    [Fact]
    public void IntegerArrayReadsAreCopies()
    {
        var a = Base(3, 4);
        var rows = a[new[] { 0, 1 }];
        rows[0] = 99;
        Assert.Equal(0f, a[0, 0].Item());
    }

    [Fact]
    public void BadAssignmentsGetNumpysMessages()
    {
        var a = Base(3, 4);
        Assert.Equal("could not broadcast input array from shape (3,) into shape (4,)",
            Assert.Throws<ArgumentException>(() => a[0] = Tensor.From(new[] { 1, 2, 3 })).Message);
        Assert.Equal("could not broadcast input array from shape (3,) into shape (2, 4)",
            Assert.Throws<ArgumentException>(() => a[new[] { 0, 1 }] = Tensor.From(new[] { 1, 2, 3 })).Message);
        Assert.Equal("index 4 is out of bounds for axis 1 with size 4",
            Assert.Throws<IndexOutOfRangeException>(() => a[0, new[] { 1, 4 }] = 1).Message);
        Assert.Equal("shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)",
            Assert.Throws<IndexOutOfRangeException>(() => a[new[] { 0, 1 }, new[] { 0, 1, 2 }]).Message);
        Assert.Equal(Base(3, 4).ToArray(), a.ToArray()); // nothing was written by a refused assignment
    }

    [Fact]
    public void AssignmentIsRefusedOnATensorATapeRecords()
    {
        var w = new Variable(Tensor.Ones(2, 2));
        using (var tape = new GradientTape())
        {
            var e = Assert.Throws<InvalidOperationException>(() => w[0, 0] = 5);
            Assert.StartsWith("A tensor recorded by a GradientTape does not support item assignment (as TensorFlow's tf.Tensor)", e.Message);
            var y = w * 2.0;
            Assert.Throws<InvalidOperationException>(() => y[0] = 1);
            var constant = Tensor.Zeros(2);
            constant[0] = 1; // a tensor the tape does not record can be written
            Assert.Equal([1f, 0f], constant.ToArray());
        }
        w[0, 0] = 5; // outside a tape, a variable is written like an array
        Assert.Equal([5f, 1f, 1f, 1f], w.ToArray());
    }

    [Fact]
    public void TheGradientOfAnIntegerArrayReadAddsBackEachPosition()
    {
        // y = sum over rows [0, 0, 2] of x: row 0 counted twice, row 1 never, row 2 once
        var x = new Variable(Tensor.Ones(3, 2));
        using var tape = new GradientTape();
        var y = x[new[] { 0, 0, 2 }].Sum();
        Assert.Equal([2f, 2f, 0f, 0f, 1f, 1f], tape.Gradient(y, x)!.ToArray());
    }

    private sealed record Case(int[] Shape, double[] Values);

    private static Dictionary<string, Case> Load() =>
        Fixture.Load("setitem_cases.json").Deserialize<Dictionary<string, Case>>(new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
}
