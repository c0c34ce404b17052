using NotebookNN.Metrics;
using NotebookNN.Registries;

namespace NotebookNN.Tuning;

/// <summary>What a tuner optimizes: a metric name from the training logs and whether lower or higher is better.</summary>
public sealed record Objective(string Name, MetricDirection Direction)
{
    /// <summary>KerasTuner's <c>Objective(name, direction)</c> with its <c>"min"</c> / <c>"max"</c> string.</summary>
    public Objective(string name, string direction) : this(name, KerasEnum.Parse<MetricDirection>(direction, "direction")) { }

    /// <summary>
    /// The objective for a metric name, its direction given (<c>"min"</c> / <c>"max"</c>) or inferred from the name
    /// (<see cref="MetricDirections.Infer"/>); a name that says nothing must be given its direction, as KerasTuner asks.
    /// </summary>
    public static Objective Infer(string name, string? direction = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (direction is not null) return new Objective(name, direction);
        return new Objective(name, MetricDirections.Infer(name) ?? throw new ArgumentException(
            $"Could not infer optimization direction (\"min\" or \"max\") for unknown metric \"{name}\". " +
            $"Please specify the direction, for example objective: \"{name}\", direction: \"max\"."));
    }

    /// <summary>True when <paramref name="a"/> is better than <paramref name="b"/>.</summary>
    public bool Better(double a, double b) => Direction == MetricDirection.Min ? a < b : a > b;

    /// <summary>A score as a key sorting the best first.</summary>
    internal double SortKey(double score) => Direction == MetricDirection.Min ? score : -score;

    /// <summary>KerasTuner's summary line: <c>Objective(name="val_loss", direction="min")</c>.</summary>
    internal string Summary => $"Objective(name=\"{Name}\", direction=\"{KerasEnum.Name(Direction)}\")";

    /// <summary>The best value of this objective over the epochs of a history.</summary>
    public (double Value, int Epoch) Best(NotebookNN.Models.History history)
    {
        if (!history.History.TryGetValue(Name, out var values) || values.Count == 0)
            throw new ArgumentException($"Objective value missing in metrics reported to the Oracle, expected: ['{Name}'], found: [{string.Join(", ", history.History.Keys.Select(k => $"'{k}'"))}]. " +
                "Pass validationData (or validationSplit) for a val_ objective, or compile the model with that metric.");
        int best = 0;
        for (int i = 1; i < values.Count; i++) if (Better(values[i], values[best])) best = i;
        return (values[best], best);
    }
}
