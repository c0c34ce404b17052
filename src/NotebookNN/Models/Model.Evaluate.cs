using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// The loss and each compiled metric on (x, y) (keras.Model.evaluate), by name; deconstructs as
    /// <c>var (loss, accuracy) = model.Evaluate(xTest, yTest);</c>.
    /// </summary>
    public EvaluationResult Evaluate(Tensor x, Tensor y, int? batchSize = null, int verbose = 1, Tensor? sampleWeight = null,
        IEnumerable<Callback>? callbacks = null) =>
        Trainer.Evaluate(this, CallData.Of(x, y, sampleWeight), batchSize, verbose, callbacks);

    /// <summary>The loss, each output's loss and metrics on lists of arrays (keras.Model.evaluate with lists).</summary>
    public EvaluationResult Evaluate(Tensor[] x, Tensor[] y, int? batchSize = null, int verbose = 1, Tensor? sampleWeight = null,
        IEnumerable<Callback>? callbacks = null) =>
        Trainer.Evaluate(this, CallData.Lists(x, y, sampleWeight), batchSize, verbose, callbacks);

    /// <summary>Evaluates with inputs and targets by input and output name.</summary>
    public EvaluationResult Evaluate(IReadOnlyDictionary<string, Tensor> x, IReadOnlyDictionary<string, Tensor> y, int? batchSize = null, int verbose = 1) =>
        Evaluate(CallData.ByName(x, InputNames, "input"), CallData.ByName(y, OutputNames, "output"), batchSize, verbose);

    /// <summary>One gradient update on one batch (keras.Model.train_on_batch); returns the loss and metrics of that batch.</summary>
    /// <param name="x">The batch's inputs.</param>
    /// <param name="y">The batch's targets.</param>
    /// <param name="sampleWeight">A weight per sample applied to its loss.</param>
    /// <param name="classWeight">Class index → weight applied to the loss of that class's samples.</param>
    public EvaluationResult TrainOnBatch(Tensor x, Tensor y, Tensor? sampleWeight = null, IReadOnlyDictionary<int, double>? classWeight = null) =>
        Trainer.OnBatch(this, CallData.Of(x, y, sampleWeight), train: true, classWeight);

    /// <summary>The loss and metrics on one batch without updating the model (keras.Model.test_on_batch).</summary>
    public EvaluationResult TestOnBatch(Tensor x, Tensor y, Tensor? sampleWeight = null) =>
        Trainer.OnBatch(this, CallData.Of(x, y, sampleWeight), train: false);
}
