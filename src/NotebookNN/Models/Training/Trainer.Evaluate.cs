using NotebookNN.Callbacks;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

internal sealed partial class Trainer
{
    /// <summary>Evaluate of every form (keras.Model.evaluate): the loss and metrics over every batch, with the test hooks.</summary>
    public static EvaluationResult Evaluate(Model model, CallData data, int? batchSize, int verbose, IEnumerable<Callback>? callbacks)
    {
        model.EnsureCompiled();
        data.Check(CallData.Use.Train);
        data.CheckTargetShapes(model);
        int bs = CallData.CheckBatchSize(batchSize);
        CallData.CheckVerbose(verbose);
        var list = CallbackList.For(model, verbose, callbacks, epochs: 1, steps: (data.Count + bs - 1) / bs);
        return new EvaluationResult(new Trainer(model, data.Y.Length).Evaluate(data, bs, list));
    }

    /// <summary>TrainOnBatch / TestOnBatch of every form: one step on the whole arrays; the loss and metrics of that batch.</summary>
    public static EvaluationResult OnBatch(Model model, CallData data, bool train, IReadOnlyDictionary<int, double>? classWeight = null)
    {
        model.EnsureCompiled();
        data.Check(CallData.Use.Train);
        data.CheckTargetShapes(model);
        if (classWeight is not null) data = data.WithClassWeights(classWeight);
        var trainer = new Trainer(model, data.Y.Length);
        trainer.ResetMetrics();
        trainer.StepOn(data.X, data.Y, data.SampleWeight, train);
        return new EvaluationResult(trainer.Logs());
    }

    /// <summary>Runs test steps over every batch with the test hooks (Evaluate, and Fit's validation); returns the final logs.</summary>
    private Dictionary<string, double> Evaluate(CallData data, int batchSize, CallbackList callbacks)
    {
        ResetMetrics();
        int n = data.Count, steps = (n + batchSize - 1) / batchSize;
        var logs = Logs();
        callbacks.Each(c => c.OnTestBegin(new Dictionary<string, double>()));
        for (int step = 0; step < steps; step++)
        {
            callbacks.ThrowIfInterrupted("evaluation", step, steps);
            callbacks.Each((step, logs), static (c, a) => c.OnTestBatchBegin(a.step, a.logs));
            Step(data, null, step * batchSize, Math.Min(n, (step + 1) * batchSize), train: false);
            logs = Logs();
            callbacks.Each((step, logs), static (c, a) => c.OnTestBatchEnd(a.step, a.logs));
        }
        callbacks.Each(c => c.OnTestEnd(logs));
        return logs;
    }
}
