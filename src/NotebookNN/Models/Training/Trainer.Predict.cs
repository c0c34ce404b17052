using NotebookNN.Callbacks;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

internal sealed partial class Trainer
{
    /// <summary>
    /// Predict of every form (keras.Model.predict): the outputs for every sample, computed in batches (in parallel
    /// lanes when the model allows, <see cref="Model.LaneRows"/>), each batch's outputs copied out of the step arena
    /// into one array per output; no gradients recorded.
    /// </summary>
    public static Tensor[] Predict(Model model, CallData data, int? batchSize, int verbose, IEnumerable<Callback>? callbacks)
    {
        data.Check(CallData.Use.Predict);
        int bs = CallData.CheckBatchSize(batchSize);
        CallData.CheckVerbose(verbose);
        var list = CallbackList.For(model, verbose, callbacks, epochs: 1, steps: (data.Count + bs - 1) / bs);
        return new Trainer(model, 0).Predict(data, bs, list);
    }

    private Tensor[] Predict(CallData data, int batchSize, CallbackList list)
    {
        int n = data.Count, steps = (n + batchSize - 1) / batchSize;
        var empty = new Dictionary<string, double>();
        list.Each(c => c.OnPredictBegin(empty));
        Tensor[]? results = null;
        int laneRows = data.X.Length == 1 ? _model.LaneRows(n, batchSize, list) : 0; // 0: batches one after another
        for (int start = 0; start < n; start += batchSize)
        {
            int step = start / batchSize, end = Math.Min(n, start + (laneRows > 0 ? laneRows : batchSize));
            list.ThrowIfInterrupted("prediction", step, steps);
            list.Each((step, empty), static (c, a) => c.OnPredictBatchBegin(a.step, a.empty));
            results = PredictBatch(data, start, end, results);
            list.Each((step, empty), static (c, a) => c.OnPredictBatchEnd(a.step, a.empty));
            if (laneRows > 0) // the first chunk built the result
            {
                int rows = _model.PredictInLanes(data.X[0], laneRows, end, results[0], batchSize, list.Token);
                if (rows < n) list.ThrowIfInterrupted("prediction", rows / batchSize, steps);
                break;
            }
        }
        list.Each(c => c.OnPredictEnd(empty));
        return results!;
    }

    /// <summary>The outputs for samples [start, end) copied into <paramref name="results"/>; the first batch makes
    /// them (outside the arena: the results outlive the steps), sized for every sample.</summary>
    private Tensor[] PredictBatch(CallData data, int start, int end, Tensor[]? results)
    {
        int n = data.Count;
        float[][]? first = null;
        int[][]? dims = null;
        using (TensorArena.EnterEither(_model.StepArena, ref _fallbackArena))
        {
            try
            {
                var outputs = _model.Forward(data.BatchX(null, start, end, StepArrays.Sized(ref _xb, data.X.Length)), training: false, ref _preds, null);
                if (results is not null && results.Length != outputs.Length)
                    throw new InvalidOperationException($"Model \"{_model.Name}\" returned {outputs.Length} outputs for a batch, {results.Length} for the first.");
                if (results is null) { first = new float[outputs.Length][]; dims = new int[outputs.Length][]; }
                for (int i = 0; i < outputs.Length; i++)
                {
                    var yb = outputs[i].Contiguous();
                    CheckBatchOutput(yb, end - start, results?[i], n);
                    if (results is not null) yb.Span.CopyTo(results[i].Span.Slice(start * (results[i].Size / n)));
                    else { first![i] = yb.Span.ToArray(); dims![i] = [n, .. yb.Dims[1..]]; }
                }
            }
            finally
            {
                Array.Clear(_xb);
                Array.Clear(_preds);
            }
        }
        if (results is not null) return results;
        results = new Tensor[first!.Length];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = Tensor.NewUninitialized(dims![i]);
            first[i].CopyTo(results[i].Span);
        }
        return results;
    }

    /// <summary>One batch's output must hold one row per sample, of the size the earlier batches had.</summary>
    private void CheckBatchOutput(Tensor yb, int rows, Tensor? result, int n)
    {
        if (yb.NDim == 0) throw new InvalidOperationException($"Model \"{_model.Name}\" returned a scalar; Predict expects one output per sample.");
        if (yb.Shape[0] != rows || (result is not null && yb.Size != (long)rows * (result.Size / n)))
            throw new InvalidOperationException($"Model \"{_model.Name}\" returned shape {yb.Shape} for a batch of {rows} samples"
                + (result is null ? "" : $" (earlier batches: {result.Size / n} values a sample)") + "; Predict expects the batch axis first, one output row per sample.");
    }
}
