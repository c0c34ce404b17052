using NotebookNN.Losses;
using NotebookNN.Tensors;
using NotebookNN.Layers;

namespace NotebookNN.Models;

/// <summary>
/// Checks, once before Fit / Evaluate / TrainOnBatch run any step, that the targets fit the model's output for its
/// loss, and says what is wrong in the model's terms (the output's shape, the targets', the loss, the likely fix)
/// rather than failing inside the loss with a broadcasting error. Only the built-in losses are checked: a custom
/// loss may take targets of any shape.
/// </summary>
internal static class TargetShapeCheck
{
    private enum Kind { Elementwise, Categorical, Sparse }

    public static void Run(Model model, Tensor x, Tensor y, string yName)
    {
        if (model.Loss is not { } loss || Classify(loss) is not { } kind) return;
        Shape output;
        try { output = model.ComputeOutputShape(x.NDim == 1 ? new Shape(1) : x.Shape[1..]); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return; // the input itself is refused, or the shape is only known by running the model: the step says so
        }
        var target = y.Shape[1..];
        if (Fits(kind, target, output)) return;
        throw new ArgumentException($"The output of model \"{model.Name}\" has shape {KerasTensor.FormatWithBatch(output)}, but the targets "
            + $"{yName} have shape {y.Shape}: the loss {loss.Name} {Expects(kind, output)}. {Fix(kind, loss, target, output)}");
    }

    private static Kind? Classify(Loss loss) => loss switch
    {
        SparseCategoricalCrossentropy => Kind.Sparse,
        CategoricalCrossentropy => Kind.Categorical,
        MeanSquaredError or MeanAbsoluteError or MeanAbsolutePercentageError or MeanSquaredLogarithmicError
            or Huber or Hinge or BinaryCrossentropy => Kind.Elementwise,
        _ => null,
    };

    private static bool Fits(Kind kind, Shape target, Shape output) => kind switch
    {
        // one integer label per sample: the output's shape without its class axis, or that with an axis of 1
        Kind.Sparse => output.Rank >= 1 && (target == output[..^1] || target == new Shape([.. output[..^1], 1])),
        Kind.Categorical => target == output,
        // element by element; (batch,) targets against (batch, 1) outputs gain an axis, as Keras aligns them
        _ => target == output || (output.Rank >= 1 && output[^1] == 1 && target == output[..^1])
            || (target.Rank >= 1 && target[^1] == 1 && target[..^1] == output),
    };

    private static string Expects(Kind kind, Shape output) => kind switch
    {
        Kind.Sparse => $"expects one integer class label per sample, targets of shape {KerasTensor.FormatWithBatch(output.Rank >= 1 ? output[..^1] : output)}",
        Kind.Categorical => "expects one-hot targets of the output's shape",
        _ => "compares them element by element, so they must have the same shape",
    };

    private static string Fix(Kind kind, Loss loss, Shape target, Shape output)
    {
        bool oneValue = target.Rank == 0 || target == new Shape(1);
        int classes = output.Rank >= 1 ? output[^1] : 1;
        return kind switch
        {
            Kind.Sparse when target == output =>
                "The targets look one-hot encoded: use loss: \"categorical_crossentropy\", or pass the integer labels.",
            Kind.Sparse => "Pass one integer label per sample.",
            Kind.Categorical when oneValue =>
                $"For integer labels use loss: \"sparse_categorical_crossentropy\", or one-hot encode them with Utils.ToCategorical(y, {classes}).",
            Kind.Categorical when target.Rank == 1 =>
                $"The last layer should have one unit per class: Dense({target[0]}, activation: \"softmax\").",
            _ when oneValue && loss is BinaryCrossentropy =>
                "The model probably lacks its output layer: end it with Dense(1, activation: \"sigmoid\") for one probability per sample.",
            _ when oneValue => "The model probably lacks its output layer: end it with Dense(1) for one value per sample.",
            _ when target.Rank == 1 => $"End the model with Dense({target[0]}) for {target[0]} values per sample.",
            _ => "Make the last layer's output match the targets.",
        };
    }
}
