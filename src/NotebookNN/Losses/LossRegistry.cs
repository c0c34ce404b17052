using NotebookNN.Registries;

namespace NotebookNN.Losses;

/// <summary>Keras's loss strings → loss objects, in one place: short and long names (listed in errors) and class names.</summary>
internal static class LossRegistry
{
    internal static readonly Registry<Loss> Names = Registry<Loss>.Identifiers("loss");

    static LossRegistry()
    {
        Add(() => new MeanSquaredError(), "MeanSquaredError", "mse", "mean_squared_error");
        Add(() => new MeanAbsoluteError(), "MeanAbsoluteError", "mae", "mean_absolute_error");
        Add(() => new MeanAbsolutePercentageError(), "MeanAbsolutePercentageError", "mape", "mean_absolute_percentage_error");
        Add(() => new MeanSquaredLogarithmicError(), "MeanSquaredLogarithmicError", "msle", "mean_squared_logarithmic_error");
        Add(() => new BinaryCrossentropy(), "BinaryCrossentropy", "binary_crossentropy");
        Add(() => new CategoricalCrossentropy(), "CategoricalCrossentropy", "categorical_crossentropy");
        Add(() => new SparseCategoricalCrossentropy(), "SparseCategoricalCrossentropy", "sparse_categorical_crossentropy");
        Add(() => new Huber(), "Huber", "huber", "huber_loss");
        Add(() => new Hinge(), "Hinge", "hinge");
    }

    private static void Add(Func<Loss> make, string className, params string[] names) =>
        Names.Add(_ => make(), names).AddUnlisted(_ => make(), className);

    /// <summary>A new loss of the kind <paramref name="name"/> names; an unknown name lists the valid ones.</summary>
    public static Loss Get(string name) => Names.Resolve(name);

    /// <summary>Whether <paramref name="name"/> names a loss.</summary>
    public static bool Contains(string name) => Names.Contains(name);
}
