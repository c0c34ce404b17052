using NotebookNN.Formatting;

// Attaches the notebook formatters to the partial types that live in other folders.
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
}

namespace NotebookNN.Layers
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public abstract partial class Layer;
}

namespace NotebookNN.Callbacks
{
    [TypeFormatterSource(typeof(NotebookFormatterSource))]
    public partial class History;
}
