using NotebookNN.Formatting;

// The notebook formatters' attachments, all in one place: every type NotebookFormatterSource formats carries the
// attribute the kernel looks for, declared here on a part of the type (the types themselves hold data only).
namespace NotebookNN.Tensors
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public partial class Tensor;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public readonly partial struct Shape;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public readonly partial record struct DType;
}

namespace NotebookNN.Models
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public partial class Model;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class ModelSummary;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class EvaluationResult;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public partial class History;
}

namespace NotebookNN.Layers
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public abstract partial class Layer;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public partial class KerasTensor;
}

namespace NotebookNN.Display
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class LiveView;
}

namespace NotebookNN.Tuning
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class HyperParameters;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class TrialTable;
}

namespace NotebookNN.Learn
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class ClassificationReport;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial record CrossValidateResult;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class SearchParams;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class SearchResults;
}

namespace NotebookNN.Plotting
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class ImageGrid;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class PltFigure;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class ConfusionMatrixDisplay;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class ModelPlot;
}

namespace NotebookNN.Datasets.Download
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial record DownloadView;
}

namespace NotebookNN.Images
{
    // A dataset shows its repr rather than being enumerated batch by batch; an image shows as the picture.
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class ImageDataset;

    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public sealed partial class LoadedImage;
}
