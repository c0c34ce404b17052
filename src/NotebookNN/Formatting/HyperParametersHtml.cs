using NotebookNN.Tuning;

namespace NotebookNN.Formatting;

/// <summary>Hyperparameters as a cell value (<c>tuner.BestHyperParameters</c>): a row per dimension with its value and space.</summary>
internal static class HyperParametersHtml
{
    public static string Render(HyperParameters hp) =>
        TableHtml.Render(null, ["hyperparameter", "value", "search space"], hp.Values.Select(kv => (IReadOnlyList<string>)
            [kv.Key, HyperParameter.Format(kv.Value), hp.Space.FirstOrDefault(d => d.Name == kv.Key)?.SpaceText ?? ""]), textColumns: [2]);
}
