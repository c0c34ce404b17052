using NotebookNN.Tensors;

namespace NotebookNN.Learn;

/// <summary>Column access shared by the scalers.</summary>
internal static class ScalerColumns
{
    public static (int Cols, int Rows, float[] Values) Read(Tensor x)
    {
        if (x.NDim != 2) throw new ArgumentException($"Expected a 2D array (samples, features), got shape {x.Shape}. Reshape your data with Reshape(-1, 1) for a single feature.");
        if (x.Shape[0] == 0) throw new ArgumentException($"Found array with 0 sample(s) (shape={x.Shape}) while a minimum of 1 is required.");
        return (x.Shape[1], x.Shape[0], x.ToArray());
    }

    public static double[] Column(float[] values, int rows, int cols, int j)
    {
        var c = new double[rows];
        for (int i = 0; i < rows; i++) c[i] = values[i * cols + j];
        return c;
    }

    /// <summary>scikit-learn's <c>_handle_zeros_in_scale</c>: a zero (or near-zero) scale becomes 1.</summary>
    public static double NonZero(double scale) => scale < 10 * Eps ? 1 : scale;

    /// <summary>scikit-learn's <c>_is_constant_feature</c>: variance within rounding error of zero.</summary>
    public static bool IsConstant(double var, double mean, int n) => var <= n * Eps * var + (n * mean * Eps) * (n * mean * Eps);

    private const double Eps = 2.220446049250313e-16;

    public static Tensor Map(Tensor x, int cols, Func<int, double, double> f)
    {
        if (x.NDim != 2 || x.Shape[1] != cols)
            throw new ArgumentException($"X has {(x.NDim == 2 ? x.Shape[1] : 0)} features, but the scaler is expecting {cols} features as input (shape {x.Shape}).");
        ReadOnlySpan<float> v = x.Contiguous().Span;
        var r = new float[v.Length];
        for (int i = 0; i < v.Length; i++) r[i] = (float)f(i % cols, v[i]);
        return Tensor.Adopt(r, x.Shape[0], cols);
    }
}
