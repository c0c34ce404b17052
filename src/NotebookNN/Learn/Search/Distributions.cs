using NotebookNN.Datasets;
using NotebookNN.Text;

namespace NotebookNN.Learn;

/// <summary>
/// A distribution a randomized search draws a parameter from (scipy.stats' frozen distributions: anything with
/// <c>rvs</c>). Draws use numpy's <c>RandomState</c> as scipy does, so a seeded search draws scikit-learn's values.
/// </summary>
public interface IDistribution
{
    /// <summary>One draw (<c>rvs(random_state=rng)</c>).</summary>
    object Rvs(NumpyRandomState rng);
}

/// <summary>scipy's <c>reciprocal(a, b)</c> (also <c>loguniform</c>): log-uniform on [a, b], for learning rates.</summary>
public record Reciprocal : IDistribution
{
    /// <summary>Log-uniform on [a, b], 0 &lt; a &lt; b.</summary>
    public Reciprocal(double a, double b)
    {
        if (!(a > 0 && b > a)) throw new ArgumentException(Invariant($"reciprocal needs 0 < a < b. Received: a={a}, b={b}."));
        (A, B) = (a, b);
    }

    /// <summary>Lower bound.</summary>
    public double A { get; }
    /// <summary>Upper bound.</summary>
    public double B { get; }

    /// <inheritdoc/>
    public object Rvs(NumpyRandomState rng) => A * Math.Pow(B / A, rng.RandomSample());

    /// <inheritdoc/>
    public override string ToString() => $"reciprocal({PythonText.Float(A)}, {PythonText.Float(B)})";
}

/// <summary>scipy's <c>loguniform(a, b)</c>, the same distribution as <see cref="Reciprocal"/>.</summary>
public sealed record LogUniform(double A, double B) : Reciprocal(A, B)
{
    /// <inheritdoc/>
    public override string ToString() => $"loguniform({PythonText.Float(A)}, {PythonText.Float(B)})";
}

/// <summary>scipy's <c>uniform(loc, scale)</c>: uniform on [loc, loc + scale].</summary>
public sealed record Uniform(double Loc = 0, double Scale = 1) : IDistribution
{
    /// <inheritdoc/>
    public object Rvs(NumpyRandomState rng) => rng.RandomSample() * Scale + Loc;

    /// <inheritdoc/>
    public override string ToString() => $"uniform({PythonText.Float(Loc)}, {PythonText.Float(Scale)})";
}

/// <summary>scipy's <c>randint(low, high)</c>: an int in [low, high).</summary>
public sealed record RandInt : IDistribution
{
    /// <summary>Integers low ≤ k &lt; high.</summary>
    public RandInt(int low, int high)
    {
        if (high <= low) throw new ArgumentException($"randint needs low < high. Received: low={low}, high={high}.");
        (Low, High) = (low, high);
    }

    /// <summary>Smallest value.</summary>
    public int Low { get; }
    /// <summary>One past the largest value.</summary>
    public int High { get; }

    /// <inheritdoc/>
    public object Rvs(NumpyRandomState rng) => Low + (int)rng.Interval((ulong)(High - Low - 1));

    /// <inheritdoc/>
    public override string ToString() => $"randint({Low}, {High})";
}
