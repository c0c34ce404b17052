# The Fashion-MNIST tutorial's next chapter: a convolutional network, its graph, checkpoints and early stopping, then
# what it learned drawn as images (the first layer's filters and the feature maps of one image).
CELLS = [
("md", """
# A convolutional network on Fashion-MNIST

The image classifier again, now with convolutions: two `Conv2D` + `MaxPooling2D` stages and a small dense head.
Build it and draw its graph with `Utils.PlotModel`, train it with `ModelCheckpoint` (keep the best model on disk) and
`EarlyStopping` (stop when the validation loss stops improving), plot the learning curves, evaluate it, and look at
what it learned: the first convolutional layer's filters and the feature maps it computes for one image.

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
using NotebookNN.Callbacks;
using NotebookNN.Datasets;
using NotebookNN.Plotting;
"""),
("md", """
`quick` runs a short version (2 epochs on 3,000 images) so the notebook runs in CI:
`NotebookNN.Runner notebook.ipynb -p quick=true`.
"""),
("params", """
var quick = false;
"""),
("md", """
## Loading the data

A convolutional layer takes images with a channel axis, Keras's channels-last layout: (samples, 28, 28, 1). Scale to
0–1 and keep the first 5,000 training images (1,000 in quick mode) for validation.
"""),
("cs", """
var ((xTrainFull, yTrainFull), (xTest, yTest)) = FashionMnist.LoadData();
var images = (xTrainFull / 255f).Reshape(-1, 28, 28, 1);
xTest = (xTest / 255f).Reshape(-1, 28, 28, 1);
int nValid = quick ? 1000 : 5000;
int nTrain = quick ? 3000 : images.Shape[0] - nValid;
var (xValid, xTrain) = (images[..nValid], images[nValid..(nValid + nTrain)]);
var (yValid, yTrain) = (yTrainFull[..nValid], yTrainFull[nValid..(nValid + nTrain)]);
var classNames = FashionMnist.ClassNames;
Console.WriteLine($"train {xTrain.Shape}, validation {xValid.Shape}, test {xTest.Shape}");
"""),
("md", """
## Building the convolutional network

32 filters of 3 × 3 with `"same"` padding keep the 28 × 28 size; `MaxPooling2D(2)` halves it; 64 filters on the
14 × 14 maps, another halving to 7 × 7 × 64 = 3,136 values, a 100-unit dense layer with dropout, and the 10-way softmax.
"""),
("cs", """
Utils.SetRandomSeed(42);
var model = new Sequential([
    new Conv2D(32, kernelSize: 3, activation: "relu", padding: "same", inputShape: [28, 28, 1]),
    new MaxPooling2D(2),
    new Conv2D(64, kernelSize: 3, activation: "relu", padding: "same"),
    new MaxPooling2D(2),
    new Flatten(),
    new Dense(100, activation: "relu"),
    new Dropout(0.4),
    new Dense(10, activation: "softmax")]);
model.Summary()
"""),
("md", """
The model's graph, each layer with its input and output shapes (Keras's `plot_model(model, show_shapes=True)`):
"""),
("cs", """
Utils.PlotModel(model, showShapes: true)
"""),
("md", """
## Training with a checkpoint and early stopping

`ModelCheckpoint` saves the model whenever the validation loss improves (`saveBestOnly`); `EarlyStopping` ends the
training once it has not improved for 2 epochs and puts back the best epoch's weights.
"""),
("cs", """
model.Compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
var checkpoint = new ModelCheckpoint("best-cnn-model.keras", saveBestOnly: true);
var earlyStopping = new EarlyStopping(patience: 2, restoreBestWeights: true);
var history = model.Fit(xTrain, yTrain, epochs: quick ? 2 : 20, validationData: (xValid, yValid),
    callbacks: [checkpoint, earlyStopping]);
Console.WriteLine(earlyStopping.StoppedEpoch > 0 ? $"stopped early after epoch {earlyStopping.StoppedEpoch + 1}" : "trained every epoch");
"""),
("cs", """
history.Plot()
"""),
("md", """
## Evaluating

On the validation set, then the best model as the checkpoint saved it, on the test set:
"""),
("cs", """
var (validLoss, validAccuracy) = model.Evaluate(xValid, yValid, verbose: 0);
Console.WriteLine($"validation accuracy: {validAccuracy:0.0000}");
var best = Keras.Models.LoadModel("best-cnn-model.keras");
var (testLoss, testAccuracy) = best.Evaluate(xTest, yTest, verbose: 0);
Console.WriteLine($"test accuracy: {testAccuracy:0.0000}");
"""),
("md", """
One validation image and the class probabilities the model gives it:
"""),
("cs", """
var proba = model.Predict(xValid[..1], verbose: 0);
for (int c = 0; c < 10; c++) Console.WriteLine($"{classNames[c],-12} {proba[0, c].Item():0.0000}");
Plot.Image(xValid[0], cmap: "binary", title: $"predicted: {classNames[(int)proba.ArgMax(axis: 1)[0].Item()]}", size: 140)
"""),
("md", """
## What the first layer learned: its filters

The first `Conv2D` layer's kernel has Keras's layout (kernel height, kernel width, input channels, filters) =
(3, 3, 1, 32). Each filter is one 3 × 3 picture (bright = large weight):
"""),
("cs", """
var kernel = model.Layers[0].Weights[0];
Console.WriteLine($"kernel {kernel.Shape}");
var filters = kernel.Transpose(3, 0, 1, 2);   // (32, 3, 3, 1): one image per filter
Plot.Images(filters, cmap: "gray", columns: 16, size: 40)
"""),
("md", """
## Feature maps of one image

A model from the trained network's input to the first layer's output — `new Model(model.Inputs, model.Layers[0].Output)`,
sharing its layers — gives the 32 feature maps the first convolution computes for an image:
"""),
("cs", """
Plot.Image(xTrain[0], cmap: "binary", title: classNames[(int)yTrain[0].Item()], size: 140)
"""),
("cs", """
var conv1 = new Model(model.Inputs, model.Layers[0].Output);
var maps1 = conv1.Predict(xTrain[..1], verbose: 0)[0];   // (28, 28, 32)
Console.WriteLine($"first layer's feature maps {maps1.Shape}");
Plot.Images(maps1.Transpose(2, 0, 1), columns: 8, size: 72)
"""),
("md", """
The second convolution's 64 feature maps of the same image (14 × 14, after the first pooling):
"""),
("cs", """
var conv2 = new Model(model.Inputs, model.Layers[2].Output);
var maps2 = conv2.Predict(xTrain[..1], verbose: 0)[0];   // (14, 14, 64)
Console.WriteLine($"second layer's feature maps {maps2.Shape}");
Plot.Images(maps2.Transpose(2, 0, 1), columns: 8, size: 56)
"""),
]
