using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>scikit-learn's <c>MinMaxScaler(feature_range)</c>: maps each column's [min, max] linearly onto the range.</summary>
public sealed class MinMaxScaler
{
    private readonly (double Min, double Max) _range;

    /// <summary>Creates the scaler for the target range (default (0, 1)).</summary>
    public MinMaxScaler((double Min, double Max)? featureRange = null)
    {
        _range = featureRange ?? (0, 1);
        if (_range.Min >= _range.Max)
            throw new ArgumentException(Invariant($"Minimum of desired feature range must be smaller than maximum. Got ({_range.Min}, {_range.Max})."));
    }

    /// <summary>Per-column minimum seen (<c>data_min_</c>).</summary>
    public double[]? DataMin { get; private set; }
    /// <summary>Per-column maximum seen (<c>data_max_</c>).</summary>
    public double[]? DataMax { get; private set; }
    /// <summary>Per-column factor (<c>scale_</c>).</summary>
    public double[]? Scale { get; private set; }
    /// <summary>Per-column offset (<c>min_</c>).</summary>
    public double[]? Min { get; private set; }

    /// <summary>Computes the column ranges of a (samples, features) tensor.</summary>
    public MinMaxScaler Fit(Tensor x)
    {
        var (cols, n, values) = ScalerColumns.Read(x);
        DataMin = new double[cols]; DataMax = new double[cols]; Scale = new double[cols]; Min = new double[cols];
        for (int j = 0; j < cols; j++)
        {
            var col = ScalerColumns.Column(values, n, cols, j);
            DataMin[j] = col.Min(); DataMax[j] = col.Max();
            Scale[j] = (_range.Max - _range.Min) / ScalerColumns.NonZero(DataMax[j] - DataMin[j]);
            Min[j] = _range.Min - DataMin[j] * Scale[j];
        }
        return this;
    }

    /// <summary>Scales with the fitted ranges: <c>x * scale_ + min_</c>.</summary>
    public Tensor Transform(Tensor x) => ScalerColumns.Map(x, RequireFitted(), (j, v) => v * Scale![j] + Min![j]);

    /// <summary><see cref="Fit"/> then <see cref="Transform"/>.</summary>
    public Tensor FitTransform(Tensor x) => Fit(x).Transform(x);

    /// <summary>Undoes <see cref="Transform"/>.</summary>
    public Tensor InverseTransform(Tensor x) => ScalerColumns.Map(x, RequireFitted(), (j, v) => (v - Min![j]) / Scale![j]);

    private int RequireFitted() => Scale?.Length ?? throw new InvalidOperationException(
        "This MinMaxScaler instance is not fitted yet. Call 'Fit' with appropriate arguments before using this estimator.");
}
