using System.Text.Json.Nodes;
using NotebookNN.Layers;
using NotebookNN.Saving;
using NotebookNN.Tensors;

namespace NotebookNN.Models;

public partial class Model
{
    /// <summary>
    /// Saves the whole model in one file (keras.Model.save): architecture, weights, compile settings and optimizer
    /// state, in the zip format described by <c>ModelArchive</c> (<c>.keras</c>-like). The write is atomic: a temporary
    /// file replaces <paramref name="path"/> only when complete. Load it with <see cref="Load"/> (<c>Keras.Models.LoadModel</c>).
    /// </summary>
    /// <exception cref="NotSupportedException">A subclassed model or a Lambda layer (their code is not data; use <see cref="SaveWeights"/>).</exception>
    public void Save(string path)
    {
        var weights = Weights;
        ModelArchive.WriteAtomic(path, "model", zip =>
        {
            for (int i = 0; i < weights.Count; i++) ModelArchive.WriteTensor(zip, ModelArchive.WeightEntry(i), weights[i]);
            TrainingState.WriteSlots(zip, this);
            // The config goes last: if it cannot be written the partial temp file is dropped and the target untouched.
            ModelArchive.WriteJson(zip, "config.json", new JsonObject
            {
                ["model"] = ModelConfig.ToJson(this),
                ["weight_count"] = weights.Count,
                ["compile"] = TrainingState.CompileToJson(this),
            });
        });
    }

    /// <summary>
    /// Loads a model saved with <see cref="Save"/> (keras.models.load_model, also <c>Keras.Models.LoadModel</c>): the same
    /// architecture and names, the same weights bit for bit, compiled as it was with the optimizer state restored, so
    /// training resumes.
    /// </summary>
    /// <param name="path">The file written by <c>Save</c>.</param>
    /// <param name="customObjects">Custom layer types used by the model (or register them once with <c>Keras.Models.RegisterCustomLayer</c>).</param>
    /// <param name="compile">Restore the compile settings and optimizer state (default true).</param>
    /// <exception cref="InvalidDataException">A truncated, damaged or foreign file.</exception>
    /// <exception cref="ArgumentException">A layer class that is neither built in nor registered.</exception>
    public static Model Load(string path, IEnumerable<Type>? customObjects = null, bool compile = true)
    {
        using var zip = ModelArchive.OpenRead(path, "model");
        var config = ModelArchive.ReadJson(zip, "config.json", path);
        try
        {
            int count = config["weight_count"]?.GetValue<int>() ?? 0;
            // the file's weight headers bound what building the model may allocate (a config can name any size)
            Model model;
            using (WeightBudget.Enter(path, ModelArchive.WeightShapes(zip, count, path)))
                model = (Model)ModelConfig.FromJson(config["model"]!.AsObject(), customObjects);
            var weights = model.Weights;
            if (count != weights.Count)
                throw new InvalidDataException($"File '{path}' holds {count} weights, but the model it describes has {weights.Count}.");
            for (int i = 0; i < count; i++) ModelArchive.ReadWeight(zip, i, weights[i], path);
            if (compile && config["compile"] is JsonObject c) TrainingState.Restore(model, c, zip, path);
            return model;
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or InvalidCastException or KeyNotFoundException
            or FormatException or System.Text.Json.JsonException)
        {
            // config.json parsed but does not have the layout Save writes (a damaged or hand-edited file)
            throw new InvalidDataException($"File '{path}' is damaged: its config.json does not describe a model as Save writes it ({e.Message}).", e);
        }
    }

    /// <summary>Saves only the weights, in <see cref="Weights"/> order (keras.Model.save_weights); atomic like <see cref="Save"/>.</summary>
    public void SaveWeights(string path)
    {
        var weights = Weights;
        ModelArchive.WriteAtomic(path, "weights", zip =>
        {
            for (int i = 0; i < weights.Count; i++) ModelArchive.WriteTensor(zip, ModelArchive.WeightEntry(i), weights[i]);
            ModelArchive.WriteJson(zip, "config.json", new JsonObject { ["weight_count"] = weights.Count });
        });
    }

    /// <summary>
    /// Loads weights saved by <see cref="SaveWeights"/> or <see cref="Save"/> into this model, which must have the same
    /// architecture and be built (keras.Model.load_weights). Nothing is changed if any weight does not fit.
    /// </summary>
    public void LoadWeights(string path)
    {
        using var zip = ModelArchive.OpenRead(path, "weights");
        var config = ModelArchive.ReadJson(zip, "config.json", path);
        int count = config["weight_count"]?.GetValue<int>() ?? throw new InvalidDataException($"File '{path}' has no weight_count.");
        var weights = Weights;
        if (count != weights.Count)
            throw new ArgumentException($"Weight count mismatch: the file '{path}' holds {count} weights, but model \"{Name}\" has {weights.Count}" +
                (weights.Count == 0 ? " (build the model first, e.g. by calling it on data)." : "."));
        for (int i = 0; i < count; i++)
            if (ModelArchive.ReadShape(zip, ModelArchive.WeightEntry(i), path) is var dims && !weights[i].Shape.Dims.AsSpan().SequenceEqual(dims))
                throw new ArgumentException($"Weight {i} ('{weights[i].Name}') of model \"{Name}\" has shape {weights[i].Shape}, but the file '{path}' holds one of shape {Shape.Format(dims)}.");
        // read in full (and checked) before any weight changes, so a damaged file leaves the model as it was
        var values = new float[count][];
        for (int i = 0; i < count; i++)
        {
            values[i] = new float[weights[i].Size];
            ModelArchive.ReadWeight(zip, i, weights[i], values[i], path);
        }
        for (int i = 0; i < count; i++) values[i].CopyTo(weights[i].Span);
    }
}
