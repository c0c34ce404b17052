# Fashion-MNIST: a grid of samples, a logistic-regression baseline with cross-validation, a softmax network, a deeper
# sigmoid network, ReLU with Flatten, and the optimizers sgd, momentum, nesterov, adagrad and adam.
CELLS = [
("md", """
# Fashion-MNIST: from logistic regression to deeper networks, and optimizers compared

1. Look at a grid of samples.
2. A **logistic-regression baseline**: scikit-learn's `SGDClassifier` with 5-fold `CrossValidate`, then the same model
   as one softmax layer on the 784 pixels, scored by 3-fold cross-validation.
3. A **softmax network** trained with validation.
4. A **deeper network with sigmoid** hidden layers, then the same with **ReLU** and a `Flatten` input layer.
5. The **optimizers**: plain SGD, momentum, Nesterov momentum, Adagrad and Adam on the ReLU network.

**Data.** `FashionMnist.LoadData()`; offline it reads the folder named by `NOTEBOOKNN_DATASETS`. In CI that folder
holds a *stand-in* written by `data/make_fashion_standin.py`: the real MNIST test set (handwritten **digits**) in
Fashion-MNIST's file format (8,000 training, 2,000 test images), so class names do not match the pictures there.
"""),
("cs", """
#r "nuget: NotebookNN"
using NotebookNN;
using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Datasets;
using NotebookNN.Plotting;
"""),
("params", """
var quick = false;
"""),
("cs", """
var ((xTrainFull, yTrainFull), (xTest, yTest)) = FashionMnist.LoadData();
int nTrain = quick ? 2000 : xTrainFull.Shape[0] - 5000;
int nValid = quick ? 1000 : 5000;
var xValid = xTrainFull[..nValid] / 255f;
var yValid = yTrainFull[..nValid];
var xTrain = xTrainFull[nValid..(nValid + nTrain)] / 255f;
var yTrain = yTrainFull[nValid..(nValid + nTrain)];
xTest = xTest / 255f;
int epochs = quick ? 2 : 20;
Console.WriteLine($"train {xTrain.Shape}, validation {xValid.Shape}, test {xTest.Shape}; {epochs} epochs");
"""),
("md", """
## 1. A grid of samples
"""),
("cs", """
var names = FashionMnist.ClassNames;
Plot.Images(xTrain[..30], cmap: "binary", labels: Enumerable.Range(0, 30).Select(i => names[(int)yTrain[i].Item()]).ToList())
"""),
("md", """
## 2. Logistic-regression baseline with cross-validation

First as the tutorial writes it with scikit-learn: an `SGDClassifier` with the logistic loss (one-vs-rest, 20 epochs;
it warns that 20 epochs were not enough to converge, as scikit-learn does) cross-validated on 5 stratified folds,
the folds trained in parallel (`nJobs: -1`). The result reads as scikit-learn's dict: `scores["test_score"]`.
"""),
("cs", """
var trainScaled = xTrain.Reshape(-1, 28 * 28);
var trainTarget = yTrain;
var sc = new SGDClassifier(loss: "log_loss", maxIter: 20, randomState: 42);
var scores = Sklearn.CrossValidate(sc, trainScaled, trainTarget, nJobs: -1);
Console.WriteLine($"SGDClassifier cross-validated accuracy: {scores["test_score"].Average():0.0000}");
scores
"""),
("md", """
Multinomial logistic regression is a single softmax layer on the flattened pixels. `Sklearn.CrossValidate`
builds a fresh model per fold (3 folds, stratified) and scores accuracy on the held-out fold.
"""),
("cs", """
var xFlat = xTrain.Reshape(-1, 28 * 28);
Model BuildLogistic()
{
    var m = new Sequential([new Dense(10, activation: "softmax", inputShape: [784])]);
    m.Compile(loss: "sparse_categorical_crossentropy", optimizer: "sgd", metrics: ["accuracy"]);
    return m;
}
Utils.SetRandomSeed(42);
var cv = Sklearn.CrossValidate(new KerasClassifier(BuildLogistic, epochs: epochs), xFlat, yTrain, cv: 3, scoring: "accuracy");
Console.WriteLine($"cross-validated accuracy: {cv.TestScore.Average():0.0000} (folds: {string.Join(", ", cv.TestScore.Select(s => s.ToString("0.0000")))})");
"""),
("md", """
## 3. A softmax network, with validation
"""),
("cs", """
Utils.SetRandomSeed(42);
var softmax = BuildLogistic();
var softmaxHistory = softmax.Fit(xFlat, yTrain, epochs: epochs, validationData: (xValid.Reshape(-1, 784), yValid), verbose: 2);
softmaxHistory.Plot()
"""),
("md", """
## 4. Deeper: two sigmoid hidden layers, then ReLU with `Flatten`
"""),
("cs", """
Utils.SetRandomSeed(42);
var sigmoidNet = new Sequential([
    new Flatten(inputShape: [28, 28]),
    new Dense(300, activation: "sigmoid"),
    new Dense(100, activation: "sigmoid"),
    new Dense(10, activation: "softmax")]);
sigmoidNet.Compile(loss: "sparse_categorical_crossentropy", optimizer: "sgd", metrics: ["accuracy"]);
var sigmoidHistory = sigmoidNet.Fit(xTrain, yTrain, epochs: epochs, validationData: (xValid, yValid), verbose: 2);
"""),
("cs", """
Sequential ReluNet()
{
    return new Sequential([
        new Flatten(inputShape: [28, 28]),
        new Dense(300, activation: "relu"),
        new Dense(100, activation: "relu"),
        new Dense(10, activation: "softmax")]);
}
Utils.SetRandomSeed(42);
var reluNet = ReluNet();
reluNet.Compile(loss: "sparse_categorical_crossentropy", optimizer: "sgd", metrics: ["accuracy"]);
var reluHistory = reluNet.Fit(xTrain, yTrain, epochs: epochs, validationData: (xValid, yValid), verbose: 2);
Console.WriteLine($"validation accuracy after {epochs} epochs: sigmoid {sigmoidHistory.History["val_accuracy"][^1]:0.0000}, relu {reluHistory.History["val_accuracy"][^1]:0.0000}");
reluHistory.Plot()
"""),
("md", """
## 5. Optimizers

The same ReLU network trained from the same initial weights with each optimizer; test accuracy at the end.
"""),
("cs", """
var optimizers = new (string Name, Func<Optimizer> Make)[]
{
    ("sgd", () => new SGD(learningRate: 0.01)),
    ("momentum", () => new SGD(learningRate: 0.01, momentum: 0.9)),
    ("nesterov", () => new SGD(learningRate: 0.01, momentum: 0.9, nesterov: true)),
    ("adagrad", () => new Adagrad(learningRate: 0.01)),
    ("adam", () => new Adam(learningRate: 0.001)),
};
var results = new List<(string Name, double Accuracy)>();
foreach (var (name, make) in optimizers)
{
    Utils.SetRandomSeed(42);
    var net = ReluNet();
    net.Compile(loss: "sparse_categorical_crossentropy", optimizer: make(), metrics: ["accuracy"]);
    net.Fit(xTrain, yTrain, epochs: epochs, verbose: 0);
    var (_, acc) = net.Evaluate(xTest, yTest, verbose: 0);
    results.Add((name, acc));
    Console.WriteLine($"{name,-9} test accuracy: {acc:0.0000}");
}
"""),
]
