namespace NotebookNN.Tests.Convolution;

/// <summary>
/// A plain float64 2-D convolution, channels-last, written from the definition for the tests: output pixel (oh, ow)
/// reads input (oh·sh − top + kh, ow·sw − left + kw), zero outside the image; the padding is TensorFlow's rule
/// computed here on its own. Also its adjoints (the input, kernel and bias gradients for an output gradient).
/// </summary>
public sealed record ConvReference(int N, int H, int W, int C, int KH, int KW, int F, int SH, int SW, bool Same)
{
    public int OH => Same ? (H + SH - 1) / SH : (H - KH) / SH + 1;
    public int OW => Same ? (W + SW - 1) / SW : (W - KW) / SW + 1;
    /// <summary>TensorFlow: pad_total = max((out − 1)·stride + k − in, 0), the smaller half before.</summary>
    public int Top => Same ? Math.Max((OH - 1) * SH + KH - H, 0) / 2 : 0;
    public int Left => Same ? Math.Max((OW - 1) * SW + KW - W, 0) / 2 : 0;

    private int X(int n, int h, int w, int c) => ((n * H + h) * W + w) * C + c;
    private int K(int kh, int kw, int c, int f) => ((kh * KW + kw) * C + c) * F + f;
    private int Y(int n, int oh, int ow, int f) => ((n * OH + oh) * OW + ow) * F + f;

    /// <summary>Calls <paramref name="visit"/>(x index, kernel index, y index) for every product term of the convolution.</summary>
    private void Terms(Action<int, int, int> visit)
    {
        for (int n = 0; n < N; n++)
            for (int oh = 0; oh < OH; oh++)
                for (int ow = 0; ow < OW; ow++)
                    for (int kh = 0; kh < KH; kh++)
                        for (int kw = 0; kw < KW; kw++)
                        {
                            int ih = oh * SH - Top + kh, iw = ow * SW - Left + kw;
                            if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
                            for (int c = 0; c < C; c++)
                                for (int f = 0; f < F; f++) visit(X(n, ih, iw, c), K(kh, kw, c, f), Y(n, oh, ow, f));
                        }
    }

    /// <summary>The pre-activation output z = conv(x, k) + b.</summary>
    public double[] Forward(float[] x, float[] k, float[]? b)
    {
        var y = new double[N * OH * OW * F];
        if (b is not null) for (int i = 0; i < y.Length; i++) y[i] = b[i % F];
        Terms((xi, ki, yi) => y[yi] += (double)x[xi] * k[ki]);
        return y;
    }

    /// <summary>(dx, dk, db) for the gradient <paramref name="dz"/> of z.</summary>
    public (double[] Dx, double[] Dk, double[] Db) Backward(float[] x, float[] k, double[] dz)
    {
        var dx = new double[x.Length];
        var dk = new double[k.Length];
        var db = new double[F];
        Terms((xi, ki, yi) => { dx[xi] += dz[yi] * k[ki]; dk[ki] += dz[yi] * x[xi]; });
        for (int i = 0; i < dz.Length; i++) db[i % F] += dz[i];
        return (dx, dk, db);
    }
}
