namespace NotebookNN.Tests.Layers.Pooling;

/// <summary>
/// 2-D pooling in float64, written from the definition for the tests: output size and padding by TensorFlow's rule
/// ("same": out = ceil(in / stride), pad_total = max((out - 1)·stride + pool - in, 0), floor(pad_total / 2) before),
/// every output cell visiting its window cell by cell, padding never counted.
/// </summary>
internal static class PoolingReference
{
    public static (int Out, int Before) Axis(int size, int pool, int stride, bool same)
    {
        if (!same) return ((size - pool) / stride + 1, 0);
        int outSize = (int)Math.Ceiling(size / (double)stride);
        int total = Math.Max((outSize - 1) * stride + pool - size, 0);
        return (outSize, total / 2);
    }

    /// <summary>Forward (max or mean) and, for an output gradient <paramref name="dy"/>, the input gradient.</summary>
    public static (double[] Y, int[] Dims, double[] Dx) Pool(double[] x, int[] dims, int ph, int pw, int sh, int sw, bool same, bool max, double[]? dy = null)
    {
        int b = dims[0], h = dims[1], w = dims[2], c = dims[3];
        var (oh, top) = Axis(h, ph, sh, same);
        var (ow, left) = Axis(w, pw, sw, same);
        var y = new double[b * oh * ow * c];
        var dx = new double[x.Length];
        int At(int n, int i, int j, int k) => ((n * h + i) * w + j) * c + k;
        for (int n = 0; n < b; n++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                    for (int k = 0; k < c; k++)
                    {
                        var cells = new List<int>();
                        for (int di = 0; di < ph; di++)
                            for (int dj = 0; dj < pw; dj++)
                            {
                                int r = i * sh - top + di, q = j * sw - left + dj;
                                if (r >= 0 && r < h && q >= 0 && q < w) cells.Add(At(n, r, q, k));
                            }
                        int o = ((n * oh + i) * ow + j) * c + k;
                        if (max)
                        {
                            int best = cells[0];
                            foreach (var cell in cells) if (x[cell] > x[best]) best = cell;
                            y[o] = x[best];
                            if (dy is not null) dx[best] += dy[o];
                        }
                        else
                        {
                            y[o] = cells.Sum(cell => x[cell]) / cells.Count;
                            if (dy is not null) foreach (var cell in cells) dx[cell] += dy[o] / cells.Count;
                        }
                    }
        return (y, [b, oh, ow, c], dx);
    }
}
