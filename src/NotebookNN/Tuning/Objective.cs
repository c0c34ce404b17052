namespace NotebookNN.Tuning;

/// <summary>What a tuner optimizes: a metric name from the training logs and whether lower or higher is better.</summary>
public sealed record Objective(string Name, string Direction)
{
    /// <summary>Infers the direction as KerasTuner does: losses and errors are minimized, everything else maximized.</summary>
    public static Objective Infer(string name, string? direction = null)
    {
        direction ??= name.Contains("loss") || name.Contains("error") || name is "mse" or "mae" or "val_mse" or "val_mae" or "mape" or "val_mape" ? "min" : "max";
        if (direction is not ("min" or "max")) throw new ArgumentException($"`direction` must be \"min\" or \"max\". Received: direction={direction}");
        return new Objective(name, direction);
    }

    /// <summary>True when <paramref name="a"/> is better than <paramref name="b"/>.</summary>
    public bool Better(double a, double b) => Direction == "min" ? a < b : a > b;

    /// <summary>The best value of this objective over the epochs of a history.</summary>
    public (double Value, int Epoch) Best(NotebookNN.Callbacks.History history)
    {
        if (!history.History.TryGetValue(Name, out var values) || values.Count == 0)
            throw new ArgumentException($"Objective value missing in metrics reported to the Oracle, expected: ['{Name}'], found: [{string.Join(", ", history.History.Keys.Select(k => $"'{k}'"))}]. " +
                "Pass validationData (or validationSplit) for a val_ objective, or compile the model with that metric.");
        int best = 0;
        for (int i = 1; i < values.Count; i++) if (Better(values[i], values[best])) best = i;
        return (values[best], best);
    }
}
