using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Display;

namespace NotebookNN.Tests.Tuning;

/// <summary>Keras wrappers cross-validate and search silently in a notebook: no progress display per fold (scikeras with verbose 0).</summary>
[Collection("DisplayHook")]
public class SilentWrapperTests
{
    [Fact]
    public void CrossValidationAndSearchesShowNoProgress()
    {
        var displays = new List<object>();
        DisplayHook.Display = v => { lock (displays) displays.Add(v); return _ => { }; };
        try
        {
            var xs = Enumerable.Range(0, 40).Select(i => (float)Math.Sin(i * 1.7)).ToArray();
            var x = Tensor.From(xs, [40, 1]);
            var y = Tensor.From(xs.Select(v => v > 0 ? 1f : 0f).ToArray());
            var clf = new KerasClassifier(() => new Sequential([new InputLayer([1]), new Dense(1, activation: "sigmoid")])
                .Compile(optimizer: "sgd", loss: "binary_crossentropy"), epochs: 2, batchSize: 8);
            NotebookNN.Sklearn.CrossValidate(clf, x, y, cv: 2);
            var (rx, ry) = ToyProblem.Data(30, 0);
            new RandomizedSearchCV(new KerasRegressor(ToyProblem.Build, epochs: 2), nIter: 2, cv: 2, randomState: 1).Fit(rx, ry);
            new GridSearchCV(new KerasRegressor(ToyProblem.Build, epochs: 2), new() { ["learning_rate"] = new[] { 0.1 } }, cv: 2).Fit(rx, ry, epochs: 1);
        }
        finally { DisplayHook.Display = null; }
        Assert.Empty(displays);
    }
}
