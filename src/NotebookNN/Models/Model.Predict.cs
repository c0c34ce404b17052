using NotebookNN.Callbacks;
using NotebookNN.Tensors;
using NotebookNN.Layers;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// The model's outputs for <paramref name="x"/>, computed in batches (keras.Model.predict); no gradients recorded.
    /// With <paramref name="verbose"/> 1 or 2 it prints Keras's bar (<c>1/1 [====…] - 0s 50ms/step</c>).
    /// </summary>
    public Tensor Predict(Tensor x, int? batchSize = null, int verbose = 1, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        TrainingData.CheckSamples(x, "x");
        int bs = TrainingData.CheckBatchSize(batchSize);
        TrainingData.CheckVerbose(verbose);
        int n = x.Shape[0];
        if (n == 0) throw new ArgumentException($"Expected at least one sample to predict. Received: x.shape={x.Shape}");
        var list = CallbackList.For(this, verbose, callbacks, epochs: 1, steps: (n + bs - 1) / bs);
        var empty = new Dictionary<string, double>();
        list.Each(c => c.OnPredictBegin(empty));
        Tensor? result = null;
        TensorArena? fallbackArena = null;
        int laneRows = LaneRows(n, bs, list); // 0: batches one after another
        for (int start = 0; start < n; start += bs)
        {
            int step = start / bs, end = Math.Min(n, start + (laneRows > 0 ? laneRows : bs));
            list.ThrowIfInterrupted("prediction", step, (n + bs - 1) / bs);
            list.Each((step, empty), static (c, a) => c.OnPredictBatchBegin(a.step, a.empty));
            float[]? firstOutput = null;
            int[]? outDims = null;
            using (TensorArena.EnterEither(StepArena, ref fallbackArena))
            {
                var yb = Forward(x.AxisView(0, start, end - start), training: false).Contiguous();
                if (yb.NDim == 0) throw new InvalidOperationException($"Model \"{Name}\" returned a scalar; Predict expects one output per sample.");
                if (yb.Shape[0] != end - start || (result is not null && yb.Size != (long)(end - start) * (result.Size / n)))
                    throw new InvalidOperationException($"Model \"{Name}\" returned shape {yb.Shape} for a batch of {end - start} samples"
                        + (result is null ? "" : $" (earlier batches: {result.Size / n} values a sample)") + "; Predict expects the batch axis first, one output row per sample.");
                if (result is not null) yb.Span.CopyTo(result.Span.Slice(start * (result.Size / n)));
                else { firstOutput = yb.Span.ToArray(); outDims = [n, .. yb.Dims[1..]]; }
            }
            if (firstOutput is not null)
            {
                result = Tensor.NewUninitialized(outDims!); // outside the arena: the result outlives the steps
                firstOutput.CopyTo(result.Span);
            }
            list.Each((step, empty), static (c, a) => c.OnPredictBatchEnd(a.step, a.empty));
            if (laneRows > 0) // the first chunk built the result
            {
                int rows = PredictInLanes(x, laneRows, end, result!, bs, list.Token);
                if (rows < n) list.ThrowIfInterrupted("prediction", rows / bs, (n + bs - 1) / bs);
                break;
            }
        }
        list.Each(c => c.OnPredictEnd(empty));
        return result!;
    }

    /// <summary>The outputs for one batch (keras.Model.predict_on_batch).</summary>
    public Tensor PredictOnBatch(Tensor x) => Forward(x, training: false);

    /// <summary>The forward pass used by fit / evaluate / predict: builds on first use and checks the input.</summary>
    internal Tensor Forward(Tensor x, bool training)
    {
        if (x.NDim == 0) throw new ArgumentException($"Model \"{Name}\" expects a batch of samples. Received a scalar.");
        if (DeclaredSampleShape() is { } sample && x.NDim == sample.Rank && x.Shape.Equals(sample) && !(sample.Rank == 1 && sample[0] == 1))
            throw new ArgumentException($"Input 0 of layer \"{Name}\" is incompatible with the layer: expected shape={KerasTensor.FormatWithBatch(sample)}, "
                + $"found shape={x.Shape}. That is one sample without its batch axis: pass a batch, e.g. x[..1] rather than x[0], or x.ExpandDims(0).");
        // Keras 2's expand_1d: a vector of n values is n samples of one feature (the Celsius-to-Fahrenheit tutorial
        // fits Dense(1, input_shape=[1]) on a 1-D array)
        if (x.NDim == 1) x = x.Reshape(x.Shape[0], 1);
        CheckDeclaredInput(x);
        if (!Built) { CheckUnbuiltInput(x); EnsureBuilt(x); }
        return Call(x, training);
    }

    /// <summary>The per-sample shape the model was declared with (a Sequential's input shape, a one-input functional
    /// model's input), or null.</summary>
    private Shape? DeclaredSampleShape()
    {
        if (this is Sequential s) return s.InputShape;
        if (_graph is { Inputs.Length: 1 } g) return g.Inputs[0].Shape;
        return null; // (a conditional expression would turn null into a Shape through the int[] conversion)
    }

    /// <summary>Checks data given to a model not built yet against what its layers already expect (nothing here).</summary>
    private protected virtual void CheckUnbuiltInput(Tensor x) { }

    /// <summary>Checks a batch against the per-sample shape the model was declared or built with (a functional
    /// model's graph checks its inputs itself; nothing here).</summary>
    private protected virtual void CheckDeclaredInput(Tensor x) { }
}
