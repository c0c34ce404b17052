# Deep Learning with Python, chapter 4: IMDB reviews (binary), Reuters newswires (46 classes), Boston housing (K-fold).
CELLS = [
("md", """
# Getting started with neural networks: classification and regression

Three examples from *Deep Learning with Python* (chapter 4), in C#:

1. **IMDB movie reviews** — binary classification of multi-hot encoded reviews, loss and accuracy curves.
2. **Reuters newswires** — single-label classification into 46 topics, with one-hot and with sparse (integer) labels,
   and a newswire decoded back to words.
3. **Boston housing prices** — regression on standardized features, scored by K-fold validation.

**Data.** The loaders read Keras's files (`imdb.npz`, `reuters.npz`, the word indexes, `boston_housing.npz`),
first from the folder named by `NOTEBOOKNN_DATASETS`. In CI that folder holds, for IMDB and Reuters, *small files in
Keras's exact formats with random token ids* (the real ones cannot be downloaded there) — so accuracies on them mean
nothing; the Boston file holds the real 506 houses in Keras's layout.
"""),
("cs", """
#r "nuget: NotebookNN"
using NotebookNN;
using NotebookNN.Layers;
using NotebookNN.Datasets;
"""),
("params", """
var quick = false;
"""),
("md", """
## 1. IMDB: classifying movie reviews

Reviews are lists of word indices (the 10,000 most frequent words); label 1 is positive.
"""),
("cs", """
var ((trainData, trainLabels), (testData, testLabels)) = Imdb.LoadData(numWords: 10000);
Console.WriteLine($"{trainData.Length} training and {testData.Length} test reviews; first review: {trainData[0].Length} words, label {trainLabels[0].Item()}");
"""),
("md", """
Decoding a review back to words (indices are offset by 3: 0, 1 and 2 are padding, start and unknown):
"""),
("cs", """
var wordIndex = Imdb.GetWordIndex();
WordIndex.Decode(trainData[0], wordIndex)
"""),
("md", """
Multi-hot encode the sequences (`vectorize_sequences`) and build a 16-16-1 network.
"""),
("cs", """
var xTrain = Utils.MultiHot(trainData, dimension: 10000);
var xTest = Utils.MultiHot(testData, dimension: 10000);
int nVal = Math.Min(10000, xTrain.Shape[0] / 2);
var (xVal, partialXTrain) = (xTrain[..nVal], xTrain[nVal..]);
var (yVal, partialYTrain) = (trainLabels[..nVal], trainLabels[nVal..]);
Utils.SetRandomSeed(42);
var imdbModel = new Sequential([
    new Dense(16, activation: "relu"),
    new Dense(16, activation: "relu"),
    new Dense(1, activation: "sigmoid")]);
imdbModel.Compile(optimizer: "rmsprop", loss: "binary_crossentropy", metrics: ["accuracy"]);
var imdbHistory = imdbModel.Fit(partialXTrain, partialYTrain, epochs: quick ? 4 : 20, batchSize: 512, validationData: (xVal, yVal));
"""),
("md", """
The book draws the training and validation loss with matplotlib; `Plt` takes those lines as they are
(format strings included: `"bo"` is blue dots, `"b"` a solid blue line):
"""),
("cs", """
using NotebookNN.Plotting;
var historyDict = imdbHistory.History;
var lossValues = historyDict["loss"];
var valLossValues = historyDict["val_loss"];
var epochs = Enumerable.Range(1, lossValues.Count);
Plt.Plot(epochs, lossValues, "bo", label: "Training loss");
Plt.Plot(epochs, valLossValues, "b", label: "Validation loss");
Plt.Title("Training and validation loss");
Plt.XLabel("Epochs");
Plt.YLabel("Loss");
Plt.Legend();
Plt.Show();
"""),
("cs", """
Plt.Clf();
var acc = historyDict["accuracy"];
var valAcc = historyDict["val_accuracy"];
Plt.Plot(epochs, acc, "bo", label: "Training acc");
Plt.Plot(epochs, valAcc, "b", label: "Validation acc");
Plt.Title("Training and validation accuracy");
Plt.XLabel("Epochs");
Plt.YLabel("Accuracy");
Plt.Legend();
Plt.Show();
"""),
("md", """
The history's own chart draws both panels at once, and takes a title, axis labels and `markers:` as arguments or
through `WithTitle`, `WithXLabel`, `WithYLabel` (and Plotly.NET.CSharp's `WithSize`, `WithXAxisStyle`, ... under
`using Plotly.NET.CSharp;`). Each chart also carries a static picture, so the saved notebook shows it on GitHub too.
"""),
("cs", """
imdbHistory.Plot(xLabel: "Epochs", markers: false).WithTitle("IMDB: training and validation")
"""),
("cs", """
var (imdbLoss, imdbAccuracy) = imdbModel.Evaluate(xTest, testLabels, verbose: 0);
Console.WriteLine($"IMDB test accuracy: {imdbAccuracy:0.0000}");
imdbModel.Predict(xTest[..5], verbose: 0)
"""),
("md", """
## 2. Reuters: classifying newswires into 46 topics
"""),
("cs", """
var ((rTrainData, rTrainLabels), (rTestData, rTestLabels)) = Reuters.LoadData(numWords: 10000);
var reutersIndex = Reuters.GetWordIndex();
Console.WriteLine($"{rTrainData.Length} training and {rTestData.Length} test newswires; first topic: {Reuters.GetLabelNames()[(int)rTrainLabels[0].Item()]}");
WordIndex.Decode(rTrainData[0], reutersIndex)
"""),
("md", """
One-hot labels with `categorical_crossentropy`:
"""),
("cs", """
var rxTrain = Utils.MultiHot(rTrainData, dimension: 10000);
var rxTest = Utils.MultiHot(rTestData, dimension: 10000);
var yTrainOneHot = Utils.ToCategorical(rTrainLabels, numClasses: 46);
var yTestOneHot = Utils.ToCategorical(rTestLabels, numClasses: 46);
Sequential ReutersModel() => new Sequential([
    new Dense(64, activation: "relu"),
    new Dense(64, activation: "relu"),
    new Dense(46, activation: "softmax")]);
Utils.SetRandomSeed(42);
var reuters = ReutersModel();
reuters.Compile(optimizer: "rmsprop", loss: "categorical_crossentropy", metrics: ["accuracy"]);
var reutersHistory = reuters.Fit(rxTrain, yTrainOneHot, epochs: quick ? 3 : 9, batchSize: 512, verbose: 2);
var (rLoss, rAccuracy) = reuters.Evaluate(rxTest, yTestOneHot, verbose: 0);
Console.WriteLine($"Reuters (one-hot labels) test accuracy: {rAccuracy:0.0000}");
"""),
("md", """
The same with integer labels and `sparse_categorical_crossentropy`; predictions are probability vectors over 46 topics:
"""),
("cs", """
Utils.SetRandomSeed(42);
var reutersSparse = ReutersModel();
reutersSparse.Compile(optimizer: "rmsprop", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
reutersSparse.Fit(rxTrain, rTrainLabels, epochs: quick ? 3 : 9, batchSize: 512, verbose: 0);
var (rsLoss, rsAccuracy) = reutersSparse.Evaluate(rxTest, rTestLabels, verbose: 0);
var rPredictions = reutersSparse.Predict(rxTest, verbose: 0);
Console.WriteLine($"Reuters (sparse labels) test accuracy: {rsAccuracy:0.0000}; prediction shape {rPredictions.Shape}, first sums to {rPredictions[0].Sum().Item():0.000}, topic {rPredictions[0].ArgMax().Item()}");
"""),
("md", """
## 3. Boston housing: regression with K-fold validation

404 training houses are few: standardize each feature with the training mean and standard deviation, then
estimate the model's mean absolute error (in $1,000s) by 4-fold validation.
"""),
("cs", """
var ((bTrain, bTrainTargets), (bTest, bTestTargets)) = BostonHousing.LoadData();
var mean = bTrain.Mean(axis: 0);
var std = bTrain.Std(axis: 0);
bTrain = (bTrain - mean) / std;
bTest = (bTest - mean) / std;
Console.WriteLine($"train {bTrain.Shape}, test {bTest.Shape}");
Sequential BuildModel()
{
    var m = new Sequential([
        new Dense(64, activation: "relu"),
        new Dense(64, activation: "relu"),
        new Dense(1)]);
    m.Compile(optimizer: "rmsprop", loss: "mse", metrics: ["mae"]);
    return m;
}
"""),
("cs", """
int k = 4;
int numValSamples = bTrain.Shape[0] / k;
int numEpochs = quick ? 20 : 100;
var allScores = new List<double>();
Utils.SetRandomSeed(42);
for (int i = 0; i < k; i++)
{
    Console.WriteLine($"Processing fold #{i}");
    var valData = bTrain[(i * numValSamples)..((i + 1) * numValSamples)];
    var valTargets = bTrainTargets[(i * numValSamples)..((i + 1) * numValSamples)];
    var partialTrainData = Tensor.Concatenate([bTrain[..(i * numValSamples)], bTrain[((i + 1) * numValSamples)..]], axis: 0);
    var partialTrainTargets = Tensor.Concatenate([bTrainTargets[..(i * numValSamples)], bTrainTargets[((i + 1) * numValSamples)..]], axis: 0);
    var foldModel = BuildModel();
    foldModel.Fit(partialTrainData, partialTrainTargets, epochs: numEpochs, batchSize: 16, verbose: 0);
    var (_, valMae) = foldModel.Evaluate(valData, valTargets, verbose: 0);
    allScores.Add(valMae);
}
Console.WriteLine($"fold MAEs: {string.Join(", ", allScores.Select(s => s.ToString("0.00")))}; K-fold mean MAE: {allScores.Average():0.000}");
"""),
("md", """
The final model, trained on all the training data and evaluated on the test set:
"""),
("cs", """
Utils.SetRandomSeed(42);
var finalModel = BuildModel();
var bostonHistory = finalModel.Fit(bTrain, bTrainTargets, epochs: quick ? 40 : 130, batchSize: 16, verbose: 0);
var (testMse, testMae) = finalModel.Evaluate(bTest, bTestTargets, verbose: 0);
Console.WriteLine($"Boston test MAE: {testMae:0.000}");
bostonHistory.Plot("mae")
"""),
]
