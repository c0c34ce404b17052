using NotebookNN.Tensors;

namespace NotebookNN;

public static partial class Utils
{
    /// <summary>
    /// Keras's <c>to_categorical</c>: integer class labels to one-hot rows. A trailing axis of size 1 is dropped, so
    /// labels of shape (n,) or (n, 1) give (n, numClasses). Without <paramref name="numClasses"/> it is max(y) + 1.
    /// </summary>
    public static Tensor ToCategorical(Tensor y, int? numClasses = null)
    {
        var dims = y.Shape.ToArray();
        if (dims.Length > 1 && dims[^1] == 1) dims = dims[..^1];
        var labels = y.ToArray();
        var classes = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] != MathF.Floor(labels[i]) || labels[i] < 0)
                throw new ArgumentException(Invariant($"to_categorical expects non-negative integer class labels; received {labels[i]} at position {i}."));
            classes[i] = (int)labels[i];
        }
        return OneHot(classes, dims, numClasses);
    }

    /// <summary><see cref="ToCategorical(Tensor, int?)"/> for an array of labels: shape (n, numClasses).</summary>
    public static Tensor ToCategorical(IReadOnlyList<int> y, int? numClasses = null)
    {
        for (int i = 0; i < y.Count; i++)
            if (y[i] < 0) throw new ArgumentException($"to_categorical expects non-negative integer class labels; received {y[i]} at position {i}.");
        return OneHot([.. y], [y.Count], numClasses);
    }

    private static Tensor OneHot(int[] classes, int[] dims, int? numClasses)
    {
        int k = numClasses ?? (classes.Length == 0 ? 0 : classes.Max() + 1);
        if (k <= 0) throw new ArgumentException($"Argument `num_classes` must be positive. Received: num_classes={k}");
        var result = new float[classes.Length * k];
        for (int i = 0; i < classes.Length; i++)
        {
            if (classes[i] >= k)
                throw new ArgumentException($"Label {classes[i]} at position {i} is out of range for num_classes={k} (labels must be in [0, {k})).");
            result[i * k + classes[i]] = 1f;
        }
        return Tensor.Adopt(result, [.. dims, k]);
    }
}
