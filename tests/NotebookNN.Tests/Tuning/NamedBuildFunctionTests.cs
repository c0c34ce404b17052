using NotebookNN.Callbacks;
using NotebookNN.Layers;
using NotebookNN.Optimizers;

namespace NotebookNN.Tests.Tuning;

/// <summary>
/// The tutorial's <c>build_model(n_hidden=1, n_neurons=30, learning_rate=3e-3, input_shape=[8])</c> with
/// <c>KerasRegressor(build_model)</c> and <c>RandomizedSearchCV(keras_reg, param_distribs, n_iter=10, cv=3)</c>, in C#.
/// </summary>
public class NamedBuildFunctionTests
{
    private static readonly List<(int Hidden, int Neurons, double Rate, int Inputs)> Calls = [];

    // The tutorial's build function; a list default is not a C# constant, so input_shape defaults to null and means [8].
    private static Model build_model(int n_hidden = 1, int n_neurons = 30, double learning_rate = 3e-3, int[]? input_shape = null)
    {
        input_shape ??= [1];
        lock (Calls) Calls.Add((n_hidden, n_neurons, learning_rate, input_shape[0]));
        var model = new Sequential();
        model.Add(new InputLayer(input_shape));
        for (int layer = 0; layer < n_hidden; layer++) model.Add(new Dense(n_neurons, activation: "relu"));
        model.Add(new Dense(1));
        return model.Compile(loss: "mse", optimizer: new SGD(learningRate: learning_rate));
    }

    [Fact]
    public void TutorialSearchInTheLiteralForm()
    {
        var (xTrain, yTrain) = ToyProblem.Data(60, 0);
        var (xValid, yValid) = ToyProblem.Data(20, 100);
        var kerasReg = new KerasRegressor(build_model);
        var paramDistribs = new Dictionary<string, object>
        {
            ["n_hidden"] = new[] { 0, 1, 2, 3 },
            ["n_neurons"] = Enumerable.Range(1, 99),
            ["learning_rate"] = new Reciprocal(3e-4, 3e-2),
        };
        var rndSearchCv = new RandomizedSearchCV(kerasReg, paramDistribs, nIter: 3, cv: 3, randomState: 42);
        var stopper = new EarlyStopping(patience: 10);
        lock (Calls) Calls.Clear();
        rndSearchCv.Fit(xTrain, yTrain, epochs: 2, validationData: (xValid, yValid), callbacks: [stopper]);

        // scikit-learn's ParameterSampler(param_distribs, n_iter=3, random_state=42) draws (see SearchSklearnTests).
        Assert.Equal([0, 0, 2], rndSearchCv.CvResults.Params.Select(p => (int)p["n_hidden"]!));
        Assert.Equal([15, 21, 87], rndSearchCv.CvResults.Params.Select(p => (int)p["n_neurons"]!));
        Assert.Equal(0.001683454924600351, (double)rndSearchCv.CvResults.Params[0]["learning_rate"]!, 15);
        // Three folds per setting and the refit; the values reached build_model by name.
        lock (Calls)
        {
            Assert.Equal(3 * 3 + 1, Calls.Count);
            Assert.Equal((2, 87), (Calls[6].Hidden, Calls[6].Neurons));
            Assert.All(Calls, c => Assert.Equal(1, c.Inputs));
        }
        var best = rndSearchCv.BestParams!;
        Assert.Equal(rndSearchCv.CvResults["mean_test_score"].Max(), rndSearchCv.BestScore);
        var bestModel = Assert.IsType<KerasRegressor>(rndSearchCv.BestEstimator).Model!;
        Assert.Equal(best["n_hidden"], bestModel.Layers.Count(l => l is Dense) - 1);
        Assert.Equal(2, ((KerasRegressor)rndSearchCv.BestEstimator!).History!.Epoch.Count);   // epochs passed through
        Assert.Contains("val_loss", ((KerasRegressor)rndSearchCv.BestEstimator!).History!.History.Keys);   // validationData too
        Assert.Equal(new Dictionary<string, object?> { ["n_hidden"] = 1, ["n_neurons"] = 30, ["learning_rate"] = 3e-3, ["input_shape"] = null },
            kerasReg.GetParams());
    }

    [Fact]
    public void DistributionsWrittenInlineAsApiMdShowsThem()
    {
        // API.md's form: the distributions as a target-typed dictionary in the call.
        var search = new RandomizedSearchCV(new KerasRegressor(build_model), new() { ["n_hidden"] = new[] { 0, 1, 2, 3 },
            ["n_neurons"] = Enumerable.Range(1, 99), ["learning_rate"] = new Reciprocal(3e-4, 3e-2) }, nIter: 10, cv: 3);
        Assert.Equal(10, search.NIter);
        Assert.Equal(3, search.NSplits);
    }

    [Fact]
    public void GridSearchBindsSnakeCaseKeysToCamelCaseParameters()
    {
        static Model Build(int nHidden = 0, double learningRate = 0.1) =>
            new Sequential([new InputLayer([1]), .. Enumerable.Range(0, nHidden).Select(_ => (Layer)new Dense(4)), new Dense(1)])
                .Compile(loss: "mse", optimizer: new SGD(learningRate: learningRate));
        var (x, y) = ToyProblem.Data(30, 0);
        var grid = new GridSearchCV(new KerasRegressor(Build, epochs: 3, batchSize: 10), new() { ["learning_rate"] = new[] { 1e-4, 0.1 } }, cv: 3);
        grid.Fit(x, y);
        Assert.Equal(0.1, grid.BestParams!["learning_rate"]);
        Assert.Equal([1e-4, 0.1], grid.CvResults.Params.Select(p => (double)p["learning_rate"]!));
    }

    [Fact]
    public void UnknownKeysBadValuesAndWrongReturnTypesAreClearErrors()
    {
        var kerasReg = new KerasRegressor(build_model);
        var e = Assert.Throws<ArgumentException>(() => new RandomizedSearchCV(kerasReg, new() { ["n_layers"] = new[] { 1, 2 } }, nIter: 2, cv: 2)
            .Fit(Tensor.Zeros([4, 1]), Tensor.Zeros([4, 1]), epochs: 1));
        Assert.Equal("Invalid parameter 'n_layers' for estimator KerasRegressor: build_model() has no parameter named 'n_layers'. " +
            "Valid parameters are: ['n_hidden', 'n_neurons', 'learning_rate', 'input_shape'].", e.Message);
        var v = Assert.Throws<ArgumentException>(() => new KerasRegressor(build_model, new Dictionary<string, object> { ["n_hidden"] = 1.5 }).Fit(Tensor.Zeros([4, 1]), Tensor.Zeros([4, 1])));
        Assert.Equal("Parameter 'n_hidden' expects int; received 1.5 (double).", v.Message);
        Assert.Contains("must return a compiled Model; it returns String", Assert.Throws<ArgumentException>(() => new KerasRegressor((Func<int, string>)(n => ""))).Message);
        var f = Assert.Throws<ArgumentException>(() => new GridSearchCV(new SGDClassifier(), new() { ["alpha"] = new[] { 0.1 } }, cv: 2)
            .Fit(Tensor.Zeros([4, 1]), Tensor.From([0f, 1, 0, 1]), epochs: 3));
        Assert.Equal("epochs, validationData and callbacks are Fit arguments of the Keras wrappers; SGDClassifier.Fit takes none.", f.Message);
    }
}
