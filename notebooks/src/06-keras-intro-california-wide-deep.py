# Keras's introduction to neural networks, part 2: regression MLP on California housing, Wide & Deep (functional,
# several inputs and outputs), the subclassing API, and hyperparameter search with a build_model function.
CELLS = [
("md", """
# Regression MLPs, Wide & Deep, subclassing and hyperparameter search (California housing)

The second half of Keras's introduction to neural networks, in C#:

1. A **regression MLP** with the Sequential API.
2. **Wide & Deep** with the functional API: one input, then two inputs (wide and deep features), then an auxiliary output.
3. The same Wide & Deep model with the **subclassing API** (`Call` written as ordinary code).
4. **Hyperparameter search**: a `Build(HyperParameters hp)` function and a `RandomSearch` tuner, then scikit-learn's
   way: `KerasRegressor(build_model)` and `RandomizedSearchCV` over distributions.

**Data.** `Sklearn.FetchCaliforniaHousing()` reads StatLib's `cal_housing.tgz`, first from the folder named by
`NOTEBOOKNN_DATASETS`. In CI that folder holds a **synthetic stand-in** in the same archive layout, written by
`data/make_california_standin.py` (the real archive cannot be downloaded there), so the errors shown there are not
the real dataset's.
"""),
("cs", """
#r "nuget: NotebookNN"
using NotebookNN;
using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Callbacks;
"""),
("params", """
var quick = false;
"""),
("md", """
## Data: train / validation / test, standardized
"""),
("cs", """
var housing = Sklearn.FetchCaliforniaHousing();
var (xTrainFull, xTest, yTrainFull, yTest) = Sklearn.TrainTestSplit(housing.Data, housing.Target, randomState: 42);
var (xTrain, xValid, yTrain, yValid) = Sklearn.TrainTestSplit(xTrainFull, yTrainFull, randomState: 42);
var scaler = new StandardScaler();
xTrain = scaler.FitTransform(xTrain);
xValid = scaler.Transform(xValid);
xTest = scaler.Transform(xTest);
int epochs = quick ? 5 : 20;
Console.WriteLine($"features: {string.Join(", ", housing.FeatureNames)}; train {xTrain.Shape}, validation {xValid.Shape}, test {xTest.Shape}");
"""),
("md", """
## 1. A regression MLP (Sequential)
"""),
("cs", """
Utils.SetRandomSeed(42);
var mlp = new Sequential([
    new Dense(30, activation: "relu", inputShape: [8]),
    new Dense(1)]);
mlp.Compile(loss: "mse", optimizer: new SGD(learningRate: 1e-3));
var mlpHistory = mlp.Fit(xTrain, yTrain, epochs: epochs, validationData: (xValid, yValid), verbose: 2);
var mseTest = mlp.Evaluate(xTest, yTest, verbose: 0).Loss;
Console.WriteLine($"MLP test MSE: {mseTest:0.0000}");
mlp.Predict(xTest[..3], verbose: 0)
"""),
("md", """
## 2. Wide & Deep (functional API)

All features go both through a deep path (two hidden layers) and straight to the output (wide path).
"""),
("cs", """
Utils.SetRandomSeed(42);
var input = new Input(shape: [8]);
var hidden1 = new Dense(30, activation: "relu").Call(input);
var hidden2 = new Dense(30, activation: "relu").Call(hidden1);
var concat = new Concatenate().Call(input, hidden2);
var output = new Dense(1).Call(concat);
var wideDeep = new Model(inputs: input, outputs: output);
wideDeep.Summary()
"""),
("cs", """
wideDeep.Compile(loss: "mse", optimizer: new SGD(learningRate: 1e-3));
wideDeep.Fit(xTrain, yTrain, epochs: epochs, validationData: (xValid, yValid), verbose: 0);
Console.WriteLine($"Wide & Deep test MSE: {wideDeep.Evaluate(xTest, yTest, verbose: 0).Loss:0.0000}");
"""),
("md", """
**Two inputs**: features 0–4 through the wide path, features 2–7 through the deep path; **two outputs**: the main
output and an auxiliary one on the deep path (a regularizer), weighted 0.9 / 0.1 in the loss.
"""),
("cs", """
Tensor[] Split(Tensor x) => [x[.., 0..5].Contiguous(), x[.., 2..8].Contiguous()];
var (xTrainAB, xValidAB, xTestAB) = (Split(xTrain), Split(xValid), Split(xTest));
Utils.SetRandomSeed(42);
var inputA = new Input(shape: [5], name: "wide_input");
var inputB = new Input(shape: [6], name: "deep_input");
var h1 = new Dense(30, activation: "relu").Call(inputB);
var h2 = new Dense(30, activation: "relu").Call(h1);
var mainOutput = new Dense(1, name: "main_output").Call(new Concatenate().Call(inputA, h2));
var auxOutput = new Dense(1, name: "aux_output").Call(h2);
var wideDeep2 = new Model(inputs: [inputA, inputB], outputs: [mainOutput, auxOutput]);
wideDeep2.Compile(optimizer: new SGD(learningRate: 1e-3), loss: ["mse", "mse"], lossWeights: [0.9, 0.1]);
var twoHistory = wideDeep2.Fit(xTrainAB, [yTrain, yTrain], epochs: epochs, validationData: (xValidAB, [yValid, yValid]), verbose: 2);
var twoResult = wideDeep2.Evaluate(xTestAB, [yTest, yTest], verbose: 0);
Console.WriteLine($"two inputs/outputs: {string.Join(", ", twoResult.Select(kv => $"{kv.Key} {kv.Value:0.0000}"))}");
wideDeep2.Summary()
"""),
("cs", """
var yPred = wideDeep2.Predict([xTestAB[0][..3], xTestAB[1][..3]], verbose: 0);
Console.WriteLine($"main output: {yPred[0].Reshape(-1)}");
Console.WriteLine($"aux output:  {yPred[1].Reshape(-1)}");
"""),
("md", """
## 3. The subclassing API

The same two-input, two-output model as a class: layers in fields, the computation written in `Call` (loops and
conditions allowed).
"""),
("cs", """
class WideAndDeepModel : Model
{
    readonly Dense hidden1, hidden2, main = new(1), aux = new(1);
    public WideAndDeepModel(int units = 30, string activation = "relu") : base("wide_and_deep")
    {
        hidden1 = new Dense(units, activation: activation);
        hidden2 = new Dense(units, activation: activation);
    }
    public override Tensor[] Call(Tensor[] inputs, bool training)
    {
        var (wide, deep) = (inputs[0], inputs[1]);
        var hidden = hidden2.Call(hidden1.Call(deep));
        return [main.Call(Tensor.Concatenate([wide, hidden], axis: -1)), aux.Call(hidden)];
    }
}
Utils.SetRandomSeed(42);
var subclassed = new WideAndDeepModel(30, activation: "relu");
subclassed.Compile(optimizer: new SGD(learningRate: 1e-3), loss: ["mse", "mse"], lossWeights: [0.9, 0.1]);
subclassed.Fit(xTrainAB, [yTrain, yTrain], epochs: epochs, validationData: (xValidAB, [yValid, yValid]), verbose: 0);
var subResult = subclassed.Evaluate(xTestAB, [yTest, yTest], verbose: 0);
Console.WriteLine($"subclassed: {string.Join(", ", subResult.Select(kv => $"{kv.Key} {kv.Value:0.0000}"))}");
subclassed.Summary()
"""),
("md", """
## 4. Hyperparameter search

A `Build` function reads its hyperparameters from `hp` (number of hidden layers, units, learning rate on a log
scale); `RandomSearch` tries `maxTrials` combinations and keeps the best by validation loss.
"""),
("cs", """
Model Build(HyperParameters hp)
{
    int nHidden = hp.Int("n_hidden", 0, 3, defaultValue: 2);
    int nNeurons = hp.Int("n_neurons", 1, 100, defaultValue: 30);
    double learningRate = hp.Float("learning_rate", 3e-4, 3e-2, sampling: "log");
    var model = new Sequential();
    model.Add(new Input(shape: [8]));
    for (int layer = 0; layer < nHidden; layer++) model.Add(new Dense(nNeurons, activation: "relu"));
    model.Add(new Dense(1));
    return model.Compile(loss: "mse", optimizer: new SGD(learningRate: learningRate));
}
var tuner = new RandomSearch(Build, objective: "val_loss", maxTrials: quick ? 3 : 10, seed: 42);
tuner.Search(xTrain, yTrain, epochs: quick ? 3 : 20, validationData: (xValid, yValid), callbacks: [new EarlyStopping(patience: 10)], verbose: 0);
tuner.Results
"""),
    ("md", """The best trial's hyperparameters, with the space each was drawn from (`tuner.GetBestHyperParameters(n)` gives the
best `n`); build the final model with `Build(tuner.BestHyperParameters)`."""),
    ("cs", """
tuner.BestHyperParameters
"""),
    ("md", """
### The same search, scikit-learn's way

The tutorial's `build_model(n_hidden=1, n_neurons=30, learning_rate=3e-3, input_shape=[8])` wrapped in a
`KerasRegressor` and searched by `RandomizedSearchCV` over `param_distribs` (`reciprocal` is scipy's log-uniform).
The search binds the keys to `build_model`'s parameter names, cross-validates each draw (3 folds, silently),
passes `epochs`, `validationData` and `callbacks` to every fit, and refits the best on the whole training set.
A C# default value must be a constant, so `input_shape` defaults to `null`, meaning `[8]`.
"""),
    ("cs", """
Model build_model(int n_hidden = 1, int n_neurons = 30, double learning_rate = 3e-3, int[]? input_shape = null)
{
    var model = new Sequential();
    model.Add(new InputLayer(input_shape ?? [8]));
    for (int layer = 0; layer < n_hidden; layer++) model.Add(new Dense(n_neurons, activation: "relu"));
    model.Add(new Dense(1));
    return model.Compile(loss: "mse", optimizer: new SGD(learningRate: learning_rate));
}
var kerasReg = new KerasRegressor(build_model);
var paramDistribs = new Dictionary<string, object>
{
    ["n_hidden"] = new[] { 0, 1, 2, 3 },
    ["n_neurons"] = Enumerable.Range(1, 99),
    ["learning_rate"] = new Reciprocal(3e-4, 3e-2),
};
var rndSearchCv = new RandomizedSearchCV(kerasReg, paramDistribs, nIter: quick ? 2 : 10, cv: 3, randomState: 42);
rndSearchCv.Fit(xTrain, yTrain, epochs: quick ? 2 : 20, validationData: (xValid, yValid), callbacks: [new EarlyStopping(patience: 10)]);
Console.WriteLine($"best score (negated MSE): {rndSearchCv.BestScore:0.0000}");
rndSearchCv.BestParams
"""),
    ("md", """Every setting tried (`cv_results_`): rank, parameters, mean and spread of the fold scores."""),
    ("cs", """
rndSearchCv.CvResults
"""),
]
