namespace NotebookNN;

public partial class Model
{
    /// <summary>The model's outputs for <paramref name="x"/>, computed in batches (keras.Model.predict); no gradients recorded.</summary>
    public Tensor Predict(Tensor x, int? batchSize = null, int verbose = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        TrainingData.CheckSamples(x, "x");
        int bs = TrainingData.CheckBatchSize(batchSize);
        int n = x.Shape[0];
        if (n == 0) throw new ArgumentException($"Expected at least one sample to predict. Received: x.shape={x.Shape}");
        Tensor? result = null;
        var arena = new TensorArena();
        for (int start = 0; start < n; start += bs)
        {
            float[]? firstOutput = null;
            int[]? outDims = null;
            using (arena.Enter())
            {
                var yb = Forward(x[start..Math.Min(n, start + bs)], training: false).Contiguous();
                if (yb.NDim == 0) throw new InvalidOperationException($"Model \"{Name}\" returned a scalar; Predict expects one output per sample.");
                if (result is not null) yb.Span.CopyTo(result.Span.Slice(start * (result.Size / n)));
                else { firstOutput = yb.Span.ToArray(); outDims = [n, .. yb.Dims[1..]]; }
            }
            if (firstOutput is not null)
            {
                result = Tensor.NewUninitialized(outDims!); // outside the arena: the result outlives the steps
                firstOutput.CopyTo(result.Span);
            }
        }
        return result!;
    }

    /// <summary>The outputs for one batch (keras.Model.predict_on_batch).</summary>
    public Tensor PredictOnBatch(Tensor x) => Forward(x, training: false);

    /// <summary>One gradient update on one batch (keras.Model.train_on_batch); returns the loss and metrics of that batch.</summary>
    public EvaluationResult TrainOnBatch(Tensor x, Tensor y, Tensor? sampleWeight = null)
    {
        EnsureCompiled();
        TrainingData.CheckPair(x, y, "x", "y");
        var session = new TrainingSession(this);
        session.ResetMetrics();
        return new EvaluationResult(session.TrainStep(x, y, sampleWeight));
    }

    /// <summary>The loss and metrics on one batch without updating the model (keras.Model.test_on_batch).</summary>
    public EvaluationResult TestOnBatch(Tensor x, Tensor y, Tensor? sampleWeight = null)
    {
        EnsureCompiled();
        TrainingData.CheckPair(x, y, "x", "y");
        var session = new TrainingSession(this);
        session.ResetMetrics();
        return new EvaluationResult(session.TestStep(x, y, sampleWeight));
    }

    /// <summary>The forward pass used by fit / evaluate / predict: builds on first use and checks the input.</summary>
    internal Tensor Forward(Tensor x, bool training)
    {
        if (x.NDim == 0) throw new ArgumentException($"Model \"{Name}\" expects a batch of samples. Received a scalar.");
        if (!Built) EnsureBuilt(x);
        return Call(x, training);
    }
}
