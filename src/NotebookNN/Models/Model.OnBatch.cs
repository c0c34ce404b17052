using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>One gradient update on one batch (keras.Model.train_on_batch); returns the loss and metrics of that batch.</summary>
    /// <param name="x">The batch's inputs.</param>
    /// <param name="y">The batch's targets.</param>
    /// <param name="sampleWeight">A weight per sample applied to its loss.</param>
    /// <param name="classWeight">Class index → weight applied to the loss of that class's samples.</param>
    public EvaluationResult TrainOnBatch(Tensor x, Tensor y, Tensor? sampleWeight = null, IReadOnlyDictionary<int, double>? classWeight = null)
    {
        var session = OneBatch(x, y, sampleWeight);
        var weights = classWeight is null ? sampleWeight : TrainingData.ClassWeightsToSampleWeights(y, classWeight, sampleWeight);
        return new EvaluationResult(session.TrainStep(x, y, weights));
    }

    /// <summary>The loss and metrics on one batch without updating the model (keras.Model.test_on_batch).</summary>
    public EvaluationResult TestOnBatch(Tensor x, Tensor y, Tensor? sampleWeight = null) =>
        new(OneBatch(x, y, sampleWeight).TestStep(x, y, sampleWeight));

    private TrainingSession OneBatch(Tensor x, Tensor y, Tensor? sampleWeight)
    {
        EnsureCompiled();
        TrainingData.CheckPair(x, y, "x", "y");
        TargetShapeCheck.Run(this, x, y, "y");
        if (sampleWeight is not null) TrainingData.CheckSampleWeight(x, sampleWeight);
        var session = new TrainingSession(this);
        session.ResetMetrics();
        return session;
    }
}
