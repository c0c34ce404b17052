using NotebookNN.Registries;
using NotebookNN.Tensors;
using NotebookNN.Text;

namespace NotebookNN.Learn;

/// <summary><see cref="SGDClassifier"/>'s parameter checks (scikit-learn's messages), <c>set_params</c> merging and repr.</summary>
internal static class SgdParameters
{
    private static readonly Registry<SgdSchedule> Schedules = KerasEnum.Registry<SgdSchedule>("learning_rate");

    public static SgdSettings Check(string loss, string? penalty, double alpha, int maxIter, double? tol, bool shuffle, string learningRate,
        double eta0, double powerT, int nIterNoChange, bool fitIntercept)
    {
        var lossFn = SgdLoss.For(loss);
        if (penalty is not ("l2" or null or "None"))
            throw new ArgumentException(penalty is "l1" or "elasticnet"
                ? $"SGDClassifier here supports penalty 'l2' or null; '{penalty}' (scikit-learn's truncated-gradient L1 step) is not implemented."
                : $"The 'penalty' parameter of SGDClassifier must be a str among {{'l2', 'l1', 'elasticnet'}} or None. Got '{penalty}' instead.");
        if (!(alpha >= 0)) throw new ArgumentException(Invariant($"The 'alpha' parameter of SGDClassifier must be a float in the range [0.0, inf). Got {alpha} instead."));
        if (maxIter < 1) throw new ArgumentException($"The 'max_iter' parameter of SGDClassifier must be an int in the range [1, inf). Got {maxIter} instead.");
        if (nIterNoChange < 1) throw new ArgumentException($"The 'n_iter_no_change' parameter of SGDClassifier must be an int in the range [1, inf). Got {nIterNoChange} instead.");
        if (learningRate is null || !Schedules.TryResolve(learningRate, out var schedule))
            throw new ArgumentException($"The 'learning_rate' parameter of SGDClassifier must be a str among {{{string.Join(", ", Schedules.Names.Select(s => $"'{s}'"))}}}. Got '{learningRate}' instead.");
        if (schedule == SgdSchedule.Optimal && alpha == 0) throw new ArgumentException("alpha must be > 0 since learning_rate is 'optimal'. alpha is used to compute the optimal learning rate.");
        if (schedule != SgdSchedule.Optimal && !(eta0 > 0)) throw new ArgumentException(Invariant($"eta0 must be > 0. Received: eta0={eta0} with learning_rate='{learningRate}'."));
        return new SgdSettings(lossFn, penalty == "l2", alpha, maxIter, tol ?? double.NegativeInfinity, nIterNoChange, fitIntercept, shuffle,
            schedule, eta0, powerT);
    }

    /// <summary>The current parameters with <paramref name="changes"/> applied; an unknown name is scikit-learn's error.</summary>
    public static Dictionary<string, object?> Merge(object estimator, IReadOnlyDictionary<string, object?> current, IReadOnlyDictionary<string, object?> changes)
    {
        var merged = new Dictionary<string, object?>(current);
        foreach (var (k, v) in changes)
        {
            if (!merged.ContainsKey(k))
                throw new ArgumentException($"Invalid parameter '{k}' for estimator {estimator}. Valid parameters are: [{string.Join(", ", current.Keys.Order(StringComparer.Ordinal).Select(n => $"'{n}'"))}].");
            merged[k] = v;
        }
        return merged;
    }

    /// <summary>A parameter converted to the constructor's type (a search may hand an int where a double is expected).</summary>
    public static T Get<T>(IReadOnlyDictionary<string, object?> p, string name) => (T)ParameterValues.ConvertTo(p[name], typeof(T), name)!;

    /// <summary>A (samples, features) tensor's contiguous storage.</summary>
    public static (float[] Data, int Offset, int Features) Matrix(Tensor x)
    {
        if (x.NDim != 2)
            throw new ArgumentException($"Found array with dim {x.NDim}. SGDClassifier expected a 2-D (samples, features) array; reshape it, e.g. x.Reshape(-1, {(x.NDim > 1 ? x.Size / Math.Max(1, x.Shape[0]) : 1)}).");
        var c = x.Contiguous();
        return (c.Data, c.Offset, x.Shape[1]);
    }

    /// <summary>scikit-learn's repr: the parameters that differ from the defaults, e.g. <c>SGDClassifier(loss='log_loss', max_iter=20)</c>.</summary>
    public static string Repr(string name, IReadOnlyDictionary<string, object?> p, IReadOnlyDictionary<string, object?> defaults) =>
        $"{name}({string.Join(", ", p.Where(kv => !Equals(kv.Value, defaults[kv.Key])).Select(kv => $"{kv.Key}={PythonText.Repr(kv.Value)}"))})";
}
