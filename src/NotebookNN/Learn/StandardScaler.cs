using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>
/// scikit-learn's <c>StandardScaler</c>: per column, subtract the mean and divide by the (population) standard deviation;
/// columns with zero variance are left unscaled. Statistics are computed in float64.
/// </summary>
public sealed class StandardScaler(bool withMean = true, bool withStd = true)
{
    /// <summary>Per-column means (<c>mean_</c>).</summary>
    public double[]? Mean { get; private set; }
    /// <summary>Per-column variances (<c>var_</c>).</summary>
    public double[]? Var { get; private set; }
    /// <summary>Per-column divisors (<c>scale_</c>): the standard deviation, or 1 where it is 0.</summary>
    public double[]? Scale { get; private set; }
    /// <summary>Rows seen by <see cref="Fit"/> (<c>n_samples_seen_</c>).</summary>
    public int NSamplesSeen { get; private set; }

    /// <summary>Computes the column statistics of a (samples, features) tensor.</summary>
    public StandardScaler Fit(Tensor x)
    {
        var (cols, n, values) = ScalerColumns.Read(x);
        Mean = new double[cols]; Var = new double[cols]; Scale = new double[cols];
        for (int j = 0; j < cols; j++)
        {
            var col = ScalerColumns.Column(values, n, cols, j);
            double mean = Labels.Sum(col) / n;
            double var = Labels.Sum(col.Select(v => (v - mean) * (v - mean)).ToArray()) / n;
            Mean[j] = mean; Var[j] = var;
            Scale[j] = ScalerColumns.IsConstant(var, mean, n) ? 1 : Math.Sqrt(var);
        }
        NSamplesSeen = n;
        return this;
    }

    /// <summary>Standardizes with the fitted statistics.</summary>
    public Tensor Transform(Tensor x) => ScalerColumns.Map(x, RequireFitted(), (j, v) => (v - (withMean ? Mean![j] : 0)) / (withStd ? Scale![j] : 1));

    /// <summary><see cref="Fit"/> then <see cref="Transform"/>.</summary>
    public Tensor FitTransform(Tensor x) => Fit(x).Transform(x);

    /// <summary>Undoes <see cref="Transform"/>.</summary>
    public Tensor InverseTransform(Tensor x) => ScalerColumns.Map(x, RequireFitted(), (j, v) => v * (withStd ? Scale![j] : 1) + (withMean ? Mean![j] : 0));

    private int RequireFitted() => Mean?.Length ?? throw new InvalidOperationException(
        "This StandardScaler instance is not fitted yet. Call 'Fit' with appropriate arguments before using this estimator.");
}
