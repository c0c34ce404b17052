using NotebookNN.Callbacks;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// The loss and each compiled metric on (x, y) (keras.Model.evaluate), by name; deconstructs as
    /// <c>var (loss, accuracy) = model.Evaluate(xTest, yTest);</c>.
    /// </summary>
    public EvaluationResult Evaluate(Tensor x, Tensor y, int? batchSize = null, int verbose = 1, Tensor? sampleWeight = null,
        IEnumerable<Callback>? callbacks = null)
    {
        EnsureCompiled();
        TrainingData.CheckPair(x, y, "x", "y");
        TargetShapeCheck.Run(this, x, y, "y");
        if (sampleWeight is not null) TrainingData.CheckSampleWeight(x, sampleWeight);
        int bs = TrainingData.CheckBatchSize(batchSize);
        TrainingData.CheckVerbose(verbose);
        var list = CallbackList.For(this, verbose, callbacks, epochs: 1, steps: (x.Shape[0] + bs - 1) / bs);
        return new EvaluationResult(EvaluateCore(x, y, sampleWeight, bs, list));
    }

    /// <summary>Runs test steps over every batch with the test hooks; returns the final logs.</summary>
    internal Dictionary<string, double> EvaluateCore(Tensor x, Tensor y, Tensor? sampleWeight, int batchSize, CallbackList callbacks)
    {
        var session = new TrainingSession(this);
        session.ResetMetrics();
        int n = x.Shape[0];
        int steps = (n + batchSize - 1) / batchSize;
        var logs = session.Logs();
        callbacks.Each(c => c.OnTestBegin(new Dictionary<string, double>()));
        for (int step = 0; step < steps; step++)
        {
            callbacks.ThrowIfInterrupted("evaluation", step, steps);
            callbacks.Each((step, logs), static (c, a) => c.OnTestBatchBegin(a.step, a.logs));
            session.TestStep(x, y, sampleWeight, step * batchSize, Math.Min(n, (step + 1) * batchSize));
            logs = session.Logs();
            callbacks.Each((step, logs), static (c, a) => c.OnTestBatchEnd(a.step, a.logs));
        }
        callbacks.Each(c => c.OnTestEnd(logs));
        return logs;
    }
}
