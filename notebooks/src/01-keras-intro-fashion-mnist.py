# Keras's introduction to artificial neural networks: an image classifier (MLP) on Fashion-MNIST with the Sequential API.
CELLS = [
("md", """
# Building an image classifier with the Sequential API (Fashion-MNIST)

The classic Keras introduction to neural networks, step by step in C# with NotebookNN: load Fashion-MNIST,
look at the images, build a 300-100-10 multilayer perceptron, train it with validation, plot the learning
curves, evaluate it on the test set and use it to make predictions.

**Data.** `FashionMnist.LoadData()` reads Keras's four IDX files (downloaded once into `~/.keras/datasets`).
Offline, it first looks in the folder named by `NOTEBOOKNN_DATASETS`. The CI run points that folder at a
*stand-in* written by `data/make_fashion_standin.py`: the real MNIST test set (handwritten **digits**, not clothes)
in Fashion-MNIST's exact file format, 8,000 training and 2,000 test images. So in CI the class names below do not
match the pictures, and the accuracy is that of a digit classifier.
"""),
("cs", """
#r "nuget: NotebookNN"
using NotebookNN;
using NotebookNN.Layers;
using NotebookNN.Optimizers;
using NotebookNN.Datasets;
using NotebookNN.Plotting;
"""),
("md", """
`quick` runs a short version (2 epochs on fewer samples) so the notebook runs in seconds in CI:
`NotebookNN.Runner notebook.ipynb -p quick=true`.
"""),
("params", """
var quick = false;
"""),
("md", """
## Loading the dataset

Each image is a 28 × 28 array of bytes (0 to 255); labels are class indices 0 to 9.
"""),
("cs", """
var ((xTrainFull, yTrainFull), (xTest, yTest)) = FashionMnist.LoadData();
Console.WriteLine($"shape {xTrainFull.Shape}, dtype {xTrainFull.DType}");
"""),
("md", """
Split off a validation set (the first 5,000 images; 1,000 in quick mode) and scale the pixels to 0–1.
"""),
("cs", """
int nValid = quick ? 1000 : 5000;
int nTrain = quick ? 3000 : xTrainFull.Shape[0] - nValid;
var (xValid, xTrain) = (xTrainFull[..nValid] / 255f, xTrainFull[nValid..(nValid + nTrain)] / 255f);
var (yValid, yTrain) = (yTrainFull[..nValid], yTrainFull[nValid..(nValid + nTrain)]);
xTest = xTest / 255f;
Console.WriteLine($"train {xTrain.Shape}, validation {xValid.Shape}, test {xTest.Shape}");
"""),
("md", """
The class names; the first training image's label:
"""),
("cs", """
var classNames = FashionMnist.ClassNames;
classNames[(int)yTrain[0].Item()]
"""),
("md", """
The first 40 training images with their class names:
"""),
("cs", """
Plot.Images(xTrain[..40], cmap: "binary", labels: Enumerable.Range(0, 40).Select(i => classNames[(int)yTrain[i].Item()]).ToList())
"""),
("md", """
## Creating the model

Two hidden layers of 300 and 100 ReLU units and a 10-way softmax output. `Flatten` turns each 28 × 28 image
into a vector of 784 values.
"""),
("cs", """
Utils.SetRandomSeed(42);
var model = new Sequential([
    new Flatten(inputShape: [28, 28]),
    new Dense(300, activation: "relu"),
    new Dense(100, activation: "relu"),
    new Dense(10, activation: "softmax")]);
model.Summary()
"""),
("md", """
The layers, and the first hidden layer's weights (connection weights initialized randomly, biases to zeros):
"""),
("cs", """
var hidden1 = model.Layers[1];
var weights = hidden1.Weights;
Console.WriteLine($"{hidden1.Name}: weights {weights[0].Shape}, biases {weights[1].Shape}");
string.Join(", ", model.Layers.Select(l => l.Name))
"""),
("md", """
## Compiling and training

Sparse labels (class indices) with softmax outputs: `sparse_categorical_crossentropy`; plain SGD (learning rate 0.01).
Training reports the loss and accuracy on the training and validation sets after each epoch.
"""),
("cs", """
model.Compile(loss: "sparse_categorical_crossentropy", optimizer: "sgd", metrics: ["accuracy"]);
int epochs = quick ? 2 : 30;
var history = model.Fit(xTrain, yTrain, epochs: epochs, validationData: (xValid, yValid));
"""),
("md", """
## Learning curves

Training and validation loss and accuracy per epoch (`history.History` holds the same lists under Keras's keys).
"""),
("cs", """
history.Plot()
"""),
("md", """
## Evaluating on the test set
"""),
("cs", """
var (testLoss, testAccuracy) = model.Evaluate(xTest, yTest);
Console.WriteLine($"test loss: {testLoss:0.0000}  test accuracy: {testAccuracy:0.0000}");
"""),
("md", """
## Making predictions

The estimated probability of each class for the first three test images, the predicted classes and the true ones:
"""),
("cs", """
var xNew = xTest[..3];
var yProba = model.Predict(xNew);
yProba.Round(2)
"""),
("cs", """
var yPred = yProba.ArgMax(axis: 1);
Console.WriteLine("predicted: " + string.Join(", ", yPred.ToArray().Select(c => classNames[(int)c])));
Console.WriteLine("actual:    " + string.Join(", ", yTest[..3].ToArray().Select(c => classNames[(int)c])));
Plot.Images(xNew, cmap: "binary", labels: yPred.ToArray().Select(c => classNames[(int)c]).ToList())
"""),
]
