using NotebookNN.Layers;

namespace NotebookNN.Tests.Functional;

/// <summary>
/// The feature-map tutorial's sub-model of a convnet, <c>new Model(cnn.Inputs, cnn.Layers[0].Output)</c>: its
/// prediction is the first convolution's activation, computed here independently in float64 from the layer's kernel
/// and bias (3 × 3, stride 1, "same": one pixel of zeros on every side).
/// </summary>
public class FeatureMapSubModelTests
{
    [Fact]
    public void SubModelPredictsTheFirstConvolutionsFeatureMaps()
    {
        Keras.ClearSession();
        Utils.SetRandomSeed(7);
        const int n = 3, h = 9, w = 7, c = 2, f = 5;
        var cnn = new Sequential([
            new Conv2D(f, kernelSize: 3, activation: "relu", padding: "same", inputShape: [h, w, c]),
            new MaxPooling2D(2),
            new Flatten(),
            new Dense(4, activation: "softmax")]);
        var features = new Model(cnn.Inputs, cnn.Layers[0].Output);
        var x = Tensor.RandomNormal([n, h, w, c], seed: 11);
        var got = features.Predict(x, verbose: 0);
        Assert.Equal([n, h, w, f], got.Shape.Dims);

        float[] xs = x.ToArray(), k = cnn.Layers[0].Weights[0].ToArray(), b = cnn.Layers[0].Weights[1].ToArray(), y = got.ToArray();
        int zeros = 0;
        for (int s = 0; s < n; s++)
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++)
                    for (int o = 0; o < f; o++)
                    {
                        double sum = b[o];
                        for (int di = 0; di < 3; di++)
                            for (int dj = 0; dj < 3; dj++)
                            {
                                int ii = i + di - 1, jj = j + dj - 1;
                                if (ii < 0 || ii >= h || jj < 0 || jj >= w) continue;
                                for (int ch = 0; ch < c; ch++)
                                    sum += (double)xs[((s * h + ii) * w + jj) * c + ch] * k[((di * 3 + dj) * c + ch) * f + o];
                            }
                        double expected = Math.Max(0, sum);
                        if (expected == 0) zeros++;
                        Assert.Equal(expected, y[((s * h + i) * w + j) * f + o], 1e-5);
                    }
        Assert.InRange(zeros, 1, n * h * w * f - 1);   // both sides of the relu are exercised
    }
}
