using NotebookNN.Layers;

namespace NotebookNN.Tests.Layers;

/// <summary>Every Keras activation, by string and through Dense and the Activation layer, against float64 formulas.</summary>
public class ActivationTests
{
    private static readonly float[] Inputs = [-3f, -1.5f, -0.2f, 0f, 0.3f, 1f, 2.5f];

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
    private static double Erf(double x)
    {
        // Abramowitz–Stegun 7.1.26 is too coarse; integrate instead (Simpson, 2000 panels).
        int n = 2000;
        double h = x / n, s = 0;
        for (int i = 0; i <= n; i++) s += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * Math.Exp(-Math.Pow(i * h, 2));
        return 2 / Math.Sqrt(Math.PI) * s * h / 3;
    }

    public static TheoryData<string> Names() =>
        ["linear", "relu", "sigmoid", "tanh", "softplus", "softsign", "elu", "selu", "leaky_relu", "gelu", "swish", "exponential"];

    private static double Reference(string name, double x) => name switch
    {
        "linear" => x,
        "relu" => Math.Max(x, 0),
        "sigmoid" => Sigmoid(x),
        "tanh" => Math.Tanh(x),
        "softplus" => Math.Log(1 + Math.Exp(x)),
        "softsign" => x / (1 + Math.Abs(x)),
        "elu" => x > 0 ? x : Math.Exp(x) - 1,
        "selu" => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.Exp(x) - 1)),
        "leaky_relu" => x > 0 ? x : 0.2 * x,
        "gelu" => 0.5 * x * (1 + Erf(x / Math.Sqrt(2))),
        "swish" => x * Sigmoid(x),
        "exponential" => Math.Exp(x),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void ElementwiseActivationsMatchFormulas(string name)
    {
        var x = Tensor.From(Inputs, new Shape(1, Inputs.Length));
        var viaString = ((ActivationFunction)name).Call(x).ToArray();
        var viaLayer = new Activation(name).Call(x).ToArray();
        // Dense with an identity kernel and zero bias applies the activation (fused or not) to its input.
        int n = Inputs.Length;
        var eye = new float[n * n];
        for (int i = 0; i < n; i++) eye[i * n + i] = 1;
        var dense = new Dense(n, activation: name, inputShape: [n]);
        var model = new Sequential().Add(dense);
        model.SetWeights([Tensor.From(eye, new Shape(n, n)), Tensor.Zeros(new Shape(n))]);
        var viaDense = model.Predict(x).ToArray();
        for (int i = 0; i < n; i++)
        {
            double want = Reference(name, Inputs[i]);
            Assert.True(Math.Abs(viaString[i] - want) <= 1e-5 * Math.Max(1, Math.Abs(want)), $"{name}({Inputs[i]}) = {viaString[i]}, expected {want}");
            Assert.Equal(viaString[i], viaLayer[i], 5e-7);
            Assert.True(Math.Abs(viaDense[i] - want) <= 1e-5 * Math.Max(1, Math.Abs(want)), $"Dense {name}({Inputs[i]}) = {viaDense[i]}");
        }
        Assert.Equal(name, ((ActivationFunction)name).Name);
    }

    [Fact]
    public void SoftmaxNormalisesTheLastAxis()
    {
        var x = Tensor.From(new float[] { 1, 2, 3, -1, 0, 1000 }, new Shape(2, 3));
        var y = ((ActivationFunction)"softmax").Call(x).ToArray();
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(1) / z, y[0], 5e-7);
        Assert.Equal(Math.Exp(3) / z, y[2], 5e-7);
        Assert.Equal(1.0, y[5], 5e-7);
        Assert.Equal(0.0, y[3], 5e-7);
    }

    [Fact]
    public void ObjectsAndFunctionsAreAccepted()
    {
        Assert.Same(Activations.Relu, Activations.Get("ReLU"));
        Assert.Same(Activations.Linear, Activations.Get(null));
        var custom = new Dense(2, activation: (Func<Tensor, Tensor>)(t => t * 2f), inputShape: [2]);
        var model = new Sequential().Add(custom);
        model.SetWeights([Tensor.From(new float[] { 1, 0, 0, 1 }, new Shape(2, 2)), Tensor.Zeros(new Shape(2))]);
        Assert.Equal([6f, -2f], model.Predict(Tensor.From(new float[] { 3, -1 }, new Shape(1, 2))).ToArray());
    }
}
