using NotebookNN.Callbacks;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// The outputs of a model with several inputs and/or outputs for one array per input (keras.Model.predict with
    /// lists), computed in batches; one array per output.
    /// </summary>
    public Tensor[] Predict(Tensor[] x, int? batchSize = null, int verbose = 1, IEnumerable<Callback>? callbacks = null)
    {
        int n = MultiData.CheckArrays(x, []);
        int bs = TrainingData.CheckBatchSize(batchSize);
        TrainingData.CheckVerbose(verbose);
        var list = CallbackList.For(this, verbose, callbacks, epochs: 1, steps: (n + bs - 1) / bs);
        var empty = new Dictionary<string, double>();
        list.Each(c => c.OnPredictBegin(empty));
        var parts = new List<Tensor[]>();
        for (int start = 0, step = 0; start < n; start += bs, step++)
        {
            int s = step;
            list.ThrowIfInterrupted("prediction", step, (n + bs - 1) / bs);
            list.Each(c => c.OnPredictBatchBegin(s, empty));
            parts.Add(ForwardMany(MultiData.Batch(x, null, start, Math.Min(n, start + bs)), training: false));
            list.Each(c => c.OnPredictBatchEnd(s, empty));
        }
        list.Each(c => c.OnPredictEnd(empty));
        return Enumerable.Range(0, parts[0].Length)
            .Select(i => parts.Count == 1 ? parts[0][i].Contiguous() : Tensor.Concatenate(parts.Select(p => p[i]).ToArray(), axis: 0)).ToArray();
    }

    /// <summary>Predicts with inputs given by input name.</summary>
    public Tensor[] Predict(IReadOnlyDictionary<string, Tensor> x, int? batchSize = null, int verbose = 1) =>
        Predict(MultiData.FromDictionary(x, InputNames, "input"), batchSize, verbose);

    /// <summary>The forward pass on one array per input, returning one array per output; builds on first use.</summary>
    internal Tensor[] ForwardMany(Tensor[] x, bool training)
    {
        if (_graph is not null || OverridesMultiCall) return InvokeMany(x, training);
        if (x.Length != 1)
            throw new ArgumentException($"Layer \"{Name}\" expects 1 input(s), but it received {x.Length} input tensors.");
        return [Forward(x[0], training)];
    }
}
