using System.Globalization;

namespace NotebookNN.Optimizers;

/// <summary>
/// Keras's <c>PiecewiseConstantDecay</c>: <c>values[0]</c> while <c>step &lt;= boundaries[0]</c>,
/// <c>values[1]</c> while <c>boundaries[0] &lt; step &lt;= boundaries[1]</c>, ..., and <c>values[^1]</c>
/// after the last boundary.
/// </summary>
public sealed class PiecewiseConstantDecay : LearningRateSchedule
{
    private readonly long[] _boundaries;
    private readonly double[] _values;

    /// <param name="boundaries">Increasing step boundaries.</param>
    /// <param name="values">One more value than boundaries: the rate for each interval.</param>
    public PiecewiseConstantDecay(long[] boundaries, double[] values)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(values);
        if (boundaries.Length != values.Length - 1)
            throw new ArgumentException(
                "The length of boundaries should be 1 less than the length of values. " +
                $"Received: boundaries={List(boundaries)} of length {boundaries.Length}, " +
                $"and values={List(values)} of length {values.Length}.");
        _boundaries = (long[])boundaries.Clone();
        _values = (double[])values.Clone();
    }

    /// <summary>The step boundaries.</summary>
    public IReadOnlyList<long> Boundaries => _boundaries;
    /// <summary>The rate for each interval.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc/>
    public override double Call(long step)
    {
        for (int i = 0; i < _boundaries.Length; i++)
            if (step <= _boundaries[i]) return _values[i];
        return _values[^1];
    }

    private static string List<T>(T[] items) where T : IFormattable =>
        "[" + string.Join(", ", items.Select(x => x.ToString(null, CultureInfo.InvariantCulture))) + "]";
}
