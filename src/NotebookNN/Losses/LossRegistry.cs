namespace NotebookNN.Losses;

/// <summary>Keras's loss strings → loss objects, in one place (short names, long names, class names).</summary>
internal static class LossRegistry
{
    private static readonly (string[] Names, Func<Loss> Make)[] Table =
    [
        (["mse", "mean_squared_error", "MeanSquaredError"], () => new MeanSquaredError()),
        (["mae", "mean_absolute_error", "MeanAbsoluteError"], () => new MeanAbsoluteError()),
        (["mape", "mean_absolute_percentage_error", "MeanAbsolutePercentageError"], () => new MeanAbsolutePercentageError()),
        (["msle", "mean_squared_logarithmic_error", "MeanSquaredLogarithmicError"], () => new MeanSquaredLogarithmicError()),
        (["binary_crossentropy", "BinaryCrossentropy"], () => new BinaryCrossentropy()),
        (["categorical_crossentropy", "CategoricalCrossentropy"], () => new CategoricalCrossentropy()),
        (["sparse_categorical_crossentropy", "SparseCategoricalCrossentropy"], () => new SparseCategoricalCrossentropy()),
        (["huber", "huber_loss", "Huber"], () => new Huber()),
        (["hinge", "Hinge"], () => new Hinge()),
    ];

    public static Loss Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (names, make) in Table)
            if (names.Contains(name, StringComparer.OrdinalIgnoreCase)) return make();
        throw new ArgumentException($"Could not interpret loss identifier: '{name}'. Expected one of: {string.Join(", ", Table.SelectMany(t => t.Names.Where(n => n.Contains('_') || n.All(char.IsLower))))}.");
    }
}
