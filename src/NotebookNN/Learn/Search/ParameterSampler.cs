using NotebookNN.Datasets;
using NotebookNN.Text;

namespace NotebookNN.Learn;

/// <summary>
/// scikit-learn's <c>ParameterSampler</c>: with only lists, <c>nIter</c> settings of the grid drawn without
/// replacement; otherwise, per setting and key in sorted order, a draw from each distribution (<see cref="IDistribution"/>)
/// or a uniform pick from each list (<c>v[rng.randint(len(v))]</c>), from numpy's <c>RandomState(randomState)</c>.
/// </summary>
internal static class ParameterSampler
{
    public static IEnumerable<SearchParams> Sample(IReadOnlyDictionary<string, object> distributions, int nIter, NumpyRandomState rng)
    {
        var keys = distributions.Keys.Order(StringComparer.Ordinal).ToArray();
        foreach (var k in keys)
            if (distributions[k] is not IDistribution && ParameterGrid.ListValues(k, distributions[k]) is null)
                throw new ArgumentException($"Parameter grid for parameter '{k}' is not iterable or a distribution (value={PythonText.Repr(distributions[k])}). Use a list (new[] {{ 0, 1, 2 }}), a range (Enumerable.Range(1, 99)) or a distribution (new Reciprocal(3e-4, 3e-2)).");
        if (keys.All(k => distributions[k] is not IDistribution))
        {
            var grid = new ParameterGrid(distributions);
            if (grid.Count < nIter)
                SklearnWarnings.Warn("UserWarning", $"The total space of parameters {grid.Count} is smaller than n_iter={nIter}. Running {grid.Count} iterations. For exhaustive searches, use GridSearchCV.");
            foreach (int i in SampleWithoutReplacement(grid.Count, Math.Min(nIter, grid.Count), rng)) yield return grid[i];
            yield break;
        }
        var lists = keys.ToDictionary(k => k, k => ParameterGrid.ListValues(k, distributions[k]));
        for (int n = 0; n < nIter; n++)
        {
            var p = new Dictionary<string, object?>();
            foreach (var k in keys)
                p[k] = distributions[k] is IDistribution d ? d.Rvs(rng) : lists[k]![(int)rng.Interval((ulong)lists[k]!.Length - 1)];
            yield return new SearchParams(p);
        }
    }

    /// <summary>scikit-learn's <c>sample_without_replacement</c> ("auto"): a permutation's head between 1 % and 99 %, else tracking or reservoir selection.</summary>
    internal static int[] SampleWithoutReplacement(int population, int samples, NumpyRandomState rng)
    {
        double ratio = population == 0 ? 1.0 : (double)samples / population;
        if (ratio > 0.01 && ratio < 0.99) return rng.Permutation(population)[..samples];
        var result = new int[samples];
        if (ratio < 0.2)
        {
            var selected = new HashSet<int>();
            for (int i = 0; i < samples; i++)
            {
                int j;
                do j = (int)rng.Interval((ulong)population - 1); while (!selected.Add(j));
                result[i] = j;
            }
            return result;
        }
        for (int i = 0; i < samples; i++) result[i] = i;
        for (int i = samples; i < population; i++)
        {
            int j = (int)rng.Interval((ulong)i);
            if (j < samples) result[j] = i;
        }
        return result;
    }
}
