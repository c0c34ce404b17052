# Deep Learning with Python, chapter 2: a first look at a neural network (MNIST) and data representations (tensors).
CELLS = [
("md", """
# A first look at a neural network: MNIST digits

The first example of *Deep Learning with Python* (chapter 2), in C# with NotebookNN: classify 28 × 28 grayscale
images of handwritten digits into 10 classes with a two-layer network, then look at the tensors involved.

**Data.** `Mnist.LoadData()` reads Keras's `mnist.npz`. Offline, it looks first in the folder named by
`NOTEBOOKNN_DATASETS`; the CI run puts there a file in Keras's exact `mnist.npz` layout holding the real MNIST
*test* set split 8,000 / 2,000 (the 60,000 training images cannot be downloaded there). The digits are real, so
the accuracy is meaningful, just trained on fewer images than the book's.
"""),
("cs", """
#r "nuget: NotebookNN"
using NotebookNN;
using NotebookNN.Layers;
using NotebookNN.Datasets;
using NotebookNN.Plotting;
"""),
("params", """
var quick = false;
"""),
("md", """
## Loading the MNIST dataset
"""),
("cs", """
var ((trainImages, trainLabels), (testImages, testLabels)) = Mnist.LoadData();
Console.WriteLine($"train images {trainImages.Shape}, labels {trainLabels.Shape}; test images {testImages.Shape}, labels {testLabels.Shape}");
trainLabels[..10]
"""),
("md", """
## The network architecture

Two `Dense` (fully connected) layers: 512 ReLU units, then a 10-way softmax returning a probability per digit class.
"""),
("cs", """
Utils.SetRandomSeed(42);
var model = new Sequential([
    new Dense(512, activation: "relu"),
    new Dense(10, activation: "softmax")]);
model.Compile(optimizer: "rmsprop", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"]);
"""),
("md", """
## Preparing the image data

Reshape each image into a vector of 784 values and scale from bytes (0–255) to floats in 0–1.
"""),
("cs", """
var xTrain = trainImages.Reshape(-1, 28 * 28) / 255f;
var xTest = testImages.Reshape(-1, 28 * 28) / 255f;
xTrain.Shape.ToString()
"""),
("md", """
## Fitting the model

5 epochs with batches of 128 samples (2 epochs in quick mode). The loss and accuracy on the training data show after each epoch.
"""),
("cs", """
var history = model.Fit(xTrain, trainLabels, epochs: quick ? 2 : 5, batchSize: 128);
"""),
("cs", """
model.Summary()
"""),
("md", """
## Making predictions

Class probabilities for the first 10 test digits; the highest probability of the first one, and its true label.
"""),
("cs", """
var testDigits = xTest[..10];
var predictions = model.Predict(testDigits);
predictions[0]
"""),
("cs", """
int predicted = (int)predictions[0].ArgMax().Item();
Console.WriteLine($"predicted {predicted} with probability {predictions[0][predicted].Item():0.0000}; true label {testLabels[0].Item()}");
"""),
("md", """
## Evaluating the model on new data
"""),
("cs", """
var (testLoss, testAcc) = model.Evaluate(xTest, testLabels);
Console.WriteLine($"test accuracy: {testAcc:0.0000}");
"""),
("md", """
# Data representations for neural networks

Tensors: scalars (rank 0), vectors (rank 1), matrices (rank 2) and higher-rank tensors, each with a number of
axes (`NDim`), a shape and a data type.
"""),
("cs", """
var x0 = Tensor.Scalar(12f);
var x1 = Tensor.From([12f, 3, 6, 14, 7]);
var x2 = Tensor.From(new float[,] { { 5, 78, 2, 34, 0 }, { 6, 79, 3, 35, 1 }, { 7, 80, 4, 36, 2 } });
Console.WriteLine($"scalar: ndim {x0.NDim}; vector: ndim {x1.NDim}, shape {x1.Shape}; matrix: ndim {x2.NDim}, shape {x2.Shape}");
x2
"""),
("md", """
The MNIST training images are a rank-3 tensor of 8-bit values (stored as float32 by NotebookNN):
"""),
("cs", """
Console.WriteLine($"ndim {trainImages.NDim}, shape {trainImages.Shape}, dtype {trainImages.DType}");
"""),
("md", """
The fifth digit, and its label:
"""),
("cs", """
var digit = trainImages[4];
Console.WriteLine($"label: {trainLabels[4].Item()}");
Plot.Image(digit, cmap: "binary")
"""),
("md", """
## Manipulating tensors: slicing and batches

Digits 10 to 100 (`train_images[10:100]`), the bottom-right 14 × 14 corner of every image, and the n-th batch of 128.
"""),
("cs", """
var mySlice = trainImages[10..100];
var corner = trainImages[.., 14.., 14..];
int n = 3;
var batch = trainImages[(128 * n)..(128 * (n + 1))];
Console.WriteLine($"slice {mySlice.Shape}, corner {corner.Shape}, batch {batch.Shape}");
Plot.Images(corner[..10], cmap: "binary")
"""),
]
