namespace NotebookNN.Tests.Tuning;

/// <summary>RandomSearch / Hyperband on <see cref="ToyProblem"/>, whose best configuration is known.</summary>
public class TunerTests
{
    private static readonly (Tensor X, Tensor Y) Train = ToyProblem.Data(64, 0), Valid = ToyProblem.Data(32, 1000);

    [Fact]
    public void RandomSearchFindsTheKnownBestAndExhaustsTheSpace()
    {
        var tuner = new RandomSearch(ToyProblem.Build, objective: "val_loss", maxTrials: 10, seed: 42);
        tuner.Search(Train.X, Train.Y, epochs: 15, batchSize: 16, validationData: Valid, verbose: 0);
        Assert.Equal(4, tuner.Results.Count);                                   // 2 × 2 configurations, each once
        Assert.Equal(4, tuner.Results.Select(t => t.HyperParameters.Key).Distinct().Count());
        var best = tuner.BestHyperParameters;
        Assert.True(best.Get<bool>("use_bias"));
        Assert.Equal(0.1, best.Get<double>("learning_rate"));
        Assert.True(tuner.Results[0].Score < 0.5, tuner.Results.ToString());
        Assert.True(tuner.Results[^1].Score > 10, tuner.Results.ToString());
        var model = tuner.GetBestModels(1)[0];
        Assert.Equal(tuner.Results[0].Score, NotebookNN.Sklearn.MeanSquaredError(Valid.Y, model.Predict(Valid.X)), 1e-3);
        Assert.Contains("use_bias", tuner.Results.ToString());
        Assert.Contains("Objective(name=\"val_loss\", direction=\"min\")", tuner.ResultsSummary());
    }

    [Fact]
    public void SameSeedTriesTheSameConfigurationsInTheSameOrder()
    {
        string Order(int seed)
        {
            var tuner = new RandomSearch(ToyProblem.Build, maxTrials: 3, seed: seed);
            tuner.Search(Train.X, Train.Y, epochs: 1, validationData: Valid, verbose: 0);
            return string.Join(";", tuner.Results.OrderBy(t => t.TrialId).Select(t => t.HyperParameters.Key));
        }
        Assert.Equal(Order(7), Order(7));
        Assert.Equal(3, Order(7).Split(';').Length);
    }

    [Fact]
    public void HyperbandPromotesTheBestToMaxEpochs()
    {
        var tuner = new Hyperband(ToyProblem.Build, objective: "val_loss", maxEpochs: 9, factor: 3, seed: 1);
        tuner.Search(Train.X, Train.Y, batchSize: 16, validationData: Valid, verbose: 0);
        Assert.Equal(4, tuner.Results.Count);
        var best = tuner.Results[0];
        Assert.True(best.HyperParameters.Get<bool>("use_bias"));
        Assert.Equal(0.1, best.HyperParameters.Get<double>("learning_rate"));
        Assert.Equal(9, best.Epochs);
        Assert.Contains(tuner.Results, t => t.Epochs == 1);                      // the others stopped after the first round
    }

    [Fact]
    public void MissingObjectiveNamesWhatWasLogged()
    {
        var tuner = new RandomSearch(ToyProblem.Build, objective: "val_accuracy", maxTrials: 1, seed: 0);
        var e = Assert.Throws<ArgumentException>(() => tuner.Search(Train.X, Train.Y, epochs: 1, verbose: 0));
        Assert.Contains("'val_accuracy'", e.Message);
        Assert.Contains("'loss'", e.Message);
        Assert.Equal(NotebookNN.Metrics.MetricDirection.Max, tuner.Objective.Direction);
    }

    [Fact]
    public void ABuildFunctionThatReturnsNullIsNamed()
    {
        var train = ToyProblem.Data(16, 0);
        var tuner = new RandomSearch(_ => null!, objective: "val_loss", maxTrials: 2);
        Assert.Equal("The hypermodel of RandomSearch returned null; it must return a compiled Model.",
            Assert.Throws<InvalidOperationException>(() => tuner.Search(train.X, train.Y, epochs: 1, validationData: train, verbose: 0)).Message);
        Assert.Equal("The build function of KerasRegressor returned null; it must return a compiled Model.",
            Assert.Throws<InvalidOperationException>(() => NotebookNN.Sklearn.CrossValidate(new KerasRegressor((Func<Model>)(() => null!)), train.X, train.Y, cv: 2)).Message);
    }
}
