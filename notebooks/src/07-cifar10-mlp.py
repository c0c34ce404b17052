# Building, compiling and fitting an MLP on 32x32x3 images (CIFAR-10), with validation and learning curves; then
# the tutorial's promised ending: the model on a photo from a file (images/ship.jpg, drawn by images/make_photo.py).
CELLS = [
("md", """
# An MLP on colour images: CIFAR-10

Build, compile and fit a multilayer perceptron on 32 × 32 × 3 colour images in 10 classes, with a validation set
and learning curves, then evaluate it on the test set and, as the tutorial promises, on a photo of our own.

**Data.** `Cifar10.LoadData()` reads the extracted `cifar-10-batches-py` folder (or Keras's archive), first from the
folder named by `NOTEBOOKNN_DATASETS`. In CI that folder holds a **stand-in** in CIFAR-10's exact pickled batch
format written by `data/make_cifar_standin.py`: real MNIST digits padded to 32 × 32 and tinted with random colours
(5,000 training and 1,000 test images) — so the class names below do not match the pictures there.
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
("md", """
## Loading and looking at the data
"""),
("cs", """
var ((xTrainFull, yTrainFull), (xTest, yTest)) = Cifar10.LoadData();
Console.WriteLine($"train {xTrainFull.Shape} labels {yTrainFull.Shape}; test {xTest.Shape} labels {yTest.Shape}");
var classNames = Cifar10.ClassNames;
Plot.Images(xTrainFull[..20] / 255f, labels: Enumerable.Range(0, 20).Select(i => classNames[(int)yTrainFull[i, 0].Item()]).ToList())
"""),
("md", """
Scale to 0–1 and hold out the last 10% of the training images for validation.
"""),
("cs", """
int n = quick ? Math.Min(3000, xTrainFull.Shape[0]) : xTrainFull.Shape[0];
int nValid = n / 10;
var xTrain = xTrainFull[..(n - nValid)] / 255f;
var yTrain = yTrainFull[..(n - nValid)];
var xValid = xTrainFull[(n - nValid)..n] / 255f;
var yValid = yTrainFull[(n - nValid)..n];
xTest = xTest / 255f;
Console.WriteLine($"train {xTrain.Shape}, validation {xValid.Shape}, test {xTest.Shape}");
"""),
("md", """
## Building and compiling the MLP

`Flatten` turns each 32 × 32 × 3 image into 3,072 inputs; two ReLU hidden layers; a 10-way softmax.
"""),
("cs", """
Utils.SetRandomSeed(42);
var model = new Sequential([
    new Flatten(inputShape: [32, 32, 3]),
    new Dense(512, activation: "relu"),
    new Dense(256, activation: "relu"),
    new Dense(10, activation: "softmax")], name: "cifar10_mlp");
model.Compile(loss: "sparse_categorical_crossentropy", optimizer: new Adam(learningRate: 1e-3), metrics: ["accuracy"]);
model.Summary()
"""),
("md", """
## Fitting with validation
"""),
("cs", """
var history = model.Fit(xTrain, yTrain, epochs: quick ? 3 : 20, batchSize: 64, validationData: (xValid, yValid));
"""),
("cs", """
history.Plot()
"""),
("md", """
## Evaluating and predicting
"""),
("cs", """
var (testLoss, testAccuracy) = model.Evaluate(xTest, yTest, verbose: 0);
Console.WriteLine($"test accuracy: {testAccuracy:0.0000}");
var predicted = model.Predict(xTest[..10], verbose: 0).ArgMax(axis: 1);
Plot.Images(xTest[..10], labels: predicted.ToArray().Select(c => classNames[(int)c]).ToList())
"""),
("md", """
## A photo of my own

The tutorial ends by promising to evaluate the model on a photo taken yourself. `images/ship.jpg` is a small
picture made for this notebook (96 × 72, drawn by `images/make_photo.py`). `Utils.LoadImg` reads it and resizes it
to the network's 32 × 32 (Keras's `load_img`, nearest neighbour by default); `Utils.ImgToArray` makes it a
(32, 32, 3) array of values 0–255, which is scaled as the training images were (÷ 255) and given a batch axis.
On the CI stand-in, whose pictures are tinted digits, the predicted class says little about ships.
"""),
("cs", """
var photo = Utils.LoadImg("images/ship.jpg", targetSize: (32, 32));
var photoArray = Utils.ImgToArray(photo) / 255f;
var probabilities = model.Predict(photoArray.ExpandDims(0), verbose: 0);
int photoClass = (int)probabilities.ArgMax(axis: 1)[0].Item();
Console.WriteLine($"{photo}: predicted {classNames[photoClass]} with probability {probabilities[0, photoClass].Item():0.000}");
Plot.Image(photoArray, title: $"predicted: {classNames[photoClass]}", size: 128)
"""),
]
