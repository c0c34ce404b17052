using NotebookNN.Layers;

namespace NotebookNN.Tests.Functional;

/// <summary>
/// California-housing-shaped data for the tutorial's Wide & Deep: 8 standard-normal features and a target with a
/// known formula, y = x0 − 0.5·x3 + 0.8·tanh(x6) + 0.3·x2·x4, computed in float64. Wide input = features 0..4,
/// deep input = features 2..7, as in the tutorial (X[:, :5], X[:, 2:]).
/// </summary>
internal static class WideAndDeepData
{
    public static (Tensor X, Tensor Y) Make(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new float[n * 8];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
                x[i * 8 + j] = (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }
            double F(int j) => x[i * 8 + j];
            y[i] = (float)(F(0) - 0.5 * F(3) + 0.8 * Math.Tanh(F(6)) + 0.3 * F(2) * F(4));
        }
        return (Tensor.From(x, new Shape(n, 8)), Tensor.From(y, new Shape(n, 1)));
    }

    /// <summary>(wide, deep) = (features 0..4, features 2..7).</summary>
    public static Tensor[] Split(Tensor x) => [x[.., 0..5].Contiguous(), x[.., 2..8].Contiguous()];

    /// <summary>The tutorial's functional Wide & Deep with a main and an auxiliary output.</summary>
    public static Model Functional()
    {
        var inputA = new Input(shape: [5], name: "wide_input");
        var inputB = new Input(shape: [6], name: "deep_input");
        var hidden1 = new NotebookNN.Layers.Dense(30, activation: "relu").Call(inputB);
        var hidden2 = new NotebookNN.Layers.Dense(30, activation: "relu").Call(hidden1);
        var concat = new NotebookNN.Layers.Concatenate().Call(inputA, hidden2);
        var output = new NotebookNN.Layers.Dense(1, name: "main_output").Call(concat);
        var aux = new NotebookNN.Layers.Dense(1, name: "aux_output").Call(hidden2);
        return new Model(inputs: [inputA, inputB], outputs: [output, aux]);
    }
}
