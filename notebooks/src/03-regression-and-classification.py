# Linear regression (Boston housing), logistic regression (breast cancer), multi-class classification (iris),
# each in the Sequential and the functional style.
CELLS = [
("md", """
# Regression and classification with Keras: three classic models

1. **Linear regression** on the Boston housing prices (13 features → 1 price), scored by RMSE.
2. **Logistic regression** on the breast-cancer dataset (30 features → malignant / benign), with a classification report.
3. **Multi-class classification** on the iris flowers (4 features → 3 species, softmax), with a classification report.

Each model is written twice: with the Sequential API and with the functional API (`Input` → layers called on
tensors → `Model(inputs, outputs)`). The data are scikit-learn's own CSVs (`Sklearn.LoadBoston()`, …): bundled in
the package when it is built beside `../shared/datasets`, otherwise read from the folder named by `NOTEBOOKNN_DATASETS`.
"""),
("cs", """
#r "nuget: NotebookNN"
using NotebookNN;
using NotebookNN.Layers;
"""),
("params", """
var quick = false;
"""),
("md", """
## 1. Linear regression: Boston housing

Split 80 / 20, standardize the features with the training set's mean and standard deviation.
"""),
("cs", """
var (xBoston, yBoston) = Sklearn.LoadBoston();
var (xTr, xVa, yTr, yVa) = Sklearn.TrainTestSplit(xBoston, yBoston, testSize: 0.2, randomState: 42);
var scaler = new StandardScaler();
xTr = scaler.FitTransform(xTr);
xVa = scaler.Transform(xVa);
Console.WriteLine($"train {xTr.Shape}, validation {xVa.Shape}");
// every Boston model below is scored the same way: root mean squared error on the validation rows
double ValidationRmse(Model model, Tensor xValid) => Math.Sqrt(Sklearn.MeanSquaredError(yVa, model.Predict(xValid, verbose: 0).Reshape(-1)));
"""),
("md", """
**Sequential**: one `Dense(1)` unit without activation is exactly a linear regression; mean squared error, Adam.
"""),
("cs", """
Utils.SetRandomSeed(42);
int regressionEpochs = quick ? 100 : 1000;
var linear = new Sequential();
linear.Add(new Input(shape: [13]));
linear.Add(new Dense(1));
linear.Compile(loss: "mse", optimizer: new NotebookNN.Optimizers.Adam(learningRate: 0.1));
var linearHistory = linear.Fit(xTr, yTr, epochs: regressionEpochs, verbose: 0, validationData: (xVa, yVa));
Console.WriteLine($"Sequential linear regression: validation RMSE {ValidationRmse(linear, xVa):0.000}");
"""),
("cs", """
linearHistory.Plot()
"""),
("md", """
**Functional**: the same model as `Input` → `Dense(1)`.
"""),
("cs", """
Utils.SetRandomSeed(42);
var bostonInput = new Input(shape: [13]);
var bostonOutput = new Dense(1).Call(bostonInput);
var linearF = new Model(inputs: bostonInput, outputs: bostonOutput);
linearF.Compile(loss: "mse", optimizer: new NotebookNN.Optimizers.Adam(learningRate: 0.1));
linearF.Fit(xTr, yTr, epochs: regressionEpochs, verbose: 0);
Console.WriteLine($"functional linear regression: validation RMSE {ValidationRmse(linearF, xVa):0.000}");
linearF.Summary()
"""),
("md", """
**The scaling inside the model**, as TensorFlow's regression tutorial does it: a `Normalization` layer adapted to the
raw training features (it learns each one's mean and variance) comes first, so the model takes raw data. Its
statistics are non-trainable weights, saved with the model.
"""),
("cs", """
var (xRawTr, xRawVa, _, _) = Sklearn.TrainTestSplit(xBoston, yBoston, testSize: 0.2, randomState: 42);
var normalizer = new Normalization(axis: -1, inputShape: [13]);
normalizer.Adapt(xRawTr);
Utils.SetRandomSeed(42);
var linearN = new Sequential([normalizer, new Dense(1)])
    .Compile(loss: "mse", optimizer: new NotebookNN.Optimizers.Adam(learningRate: 0.1));
linearN.Fit(xRawTr, yTr, epochs: regressionEpochs, verbose: 0);
Console.WriteLine($"Normalization layer linear regression: validation RMSE {ValidationRmse(linearN, xRawVa):0.000}");
linearN.Summary()
"""),
("md", """
## 2. Logistic regression: breast cancer

One sigmoid unit and binary cross-entropy; a probability of 0.5 or more means class 1 (benign).
"""),
("cs", """
var (xCancer, yCancer) = Sklearn.LoadBreastCancer();
var (cTr, cVa, cyTr, cyVa) = Sklearn.TrainTestSplit(xCancer, yCancer, testSize: 0.2, randomState: 42);
var cancerScaler = new StandardScaler();
cTr = cancerScaler.FitTransform(cTr);
cVa = cancerScaler.Transform(cVa);
Utils.SetRandomSeed(42);
var logistic = new Sequential([new Dense(1, activation: "sigmoid", inputShape: [30])]);
logistic.Compile(loss: "binary_crossentropy", optimizer: "adam", metrics: ["accuracy"]);
var logisticHistory = logistic.Fit(cTr, cyTr, epochs: quick ? 30 : 200, verbose: 0, validationData: (cVa, cyVa));
var cancerPred = Tensor.Where(logistic.Predict(cVa, verbose: 0).Reshape(-1) >= 0.5f, 1f, 0f);
Console.WriteLine($"breast cancer (Sequential) accuracy: {Sklearn.AccuracyScore(cyVa, cancerPred):0.0000}");
Sklearn.ClassificationReport(cyVa, cancerPred)
"""),
("cs", """
logisticHistory.Plot()
"""),
("md", """
The functional version:
"""),
("cs", """
Utils.SetRandomSeed(42);
var cancerInput = new Input(shape: [30]);
var logisticF = new Model(inputs: cancerInput, outputs: new Dense(1, activation: "sigmoid").Call(cancerInput));
logisticF.Compile(loss: "binary_crossentropy", optimizer: "adam", metrics: ["accuracy"]);
logisticF.Fit(cTr, cyTr, epochs: quick ? 30 : 200, verbose: 0);
var (cancerLoss, cancerAccuracy) = logisticF.Evaluate(cVa, cyVa, verbose: 0);
Console.WriteLine($"breast cancer (functional) accuracy: {cancerAccuracy:0.0000}");
"""),
("md", """
## 3. Multi-class classification: iris

Three species: one-hot labels, a softmax layer of 3 units and categorical cross-entropy.
"""),
("cs", """
var (xIris, yIris) = Sklearn.LoadIris();
var (iTr, iVa, iyTr, iyVa) = Sklearn.TrainTestSplit(xIris, yIris, testSize: 0.2, randomState: 42);
var irisScaler = new StandardScaler();
iTr = irisScaler.FitTransform(iTr);
iVa = irisScaler.Transform(iVa);
var iyTrOneHot = Utils.ToCategorical(iyTr, numClasses: 3);
iyTrOneHot[..5]
"""),
("cs", """
Utils.SetRandomSeed(42);
var softmax = new Sequential([new Dense(3, activation: "softmax", inputShape: [4])]);
softmax.Compile(loss: "categorical_crossentropy", optimizer: new NotebookNN.Optimizers.Adam(learningRate: 0.05), metrics: ["accuracy"]);
var softmaxHistory = softmax.Fit(iTr, iyTrOneHot, epochs: quick ? 50 : 300, verbose: 0);
var irisPred = softmax.Predict(iVa, verbose: 0).ArgMax(axis: 1);
Console.WriteLine($"iris (Sequential) accuracy: {Sklearn.AccuracyScore(iyVa, irisPred):0.0000}");
Sklearn.ClassificationReport(iyVa, irisPred)
"""),
("md", """
The functional version:
"""),
("cs", """
Utils.SetRandomSeed(42);
var irisInput = new Input(shape: [4]);
var softmaxF = new Model(inputs: irisInput, outputs: new Dense(3, activation: "softmax").Call(irisInput));
softmaxF.Compile(loss: "categorical_crossentropy", optimizer: new NotebookNN.Optimizers.Adam(learningRate: 0.05), metrics: ["accuracy"]);
softmaxF.Fit(iTr, iyTrOneHot, epochs: quick ? 50 : 300, verbose: 0);
var (irisLoss, irisAccuracy) = softmaxF.Evaluate(iVa, Utils.ToCategorical(iyVa, numClasses: 3), verbose: 0);
Console.WriteLine($"iris (functional) accuracy: {irisAccuracy:0.0000}");
"""),
]
