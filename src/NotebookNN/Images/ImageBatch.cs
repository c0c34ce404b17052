using NotebookNN.Tensors;

namespace NotebookNN.Images;

/// <summary>
/// One element of an <see cref="ImageDataset"/>: a batch of images (N, H, W, C) and their labels (null when the
/// dataset has none); deconstructs as Keras's tuple does: <c>foreach (var (images, labels) in trainDs.Take(1))</c>.
/// </summary>
/// <param name="Images">float32 pixels, 0..255, channels last.</param>
/// <param name="Labels">(N,) class indices, (N, classes) one-hot or (N, 1) zeros and ones, as the label mode says.</param>
public readonly record struct ImageBatch(Tensor Images, Tensor? Labels);
