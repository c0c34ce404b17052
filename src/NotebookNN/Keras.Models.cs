using System.Text.Json.Nodes;
using NotebookNN.Layers;
using NotebookNN.Saving;
using NotebookNN.Models;
using NotebookNN.Tensors;

namespace NotebookNN;

public static partial class Keras
{
    /// <summary>Loading, cloning and the custom-layer registry (keras.models / keras.saving).</summary>
    public static class Models
    {
        /// <summary>
        /// Loads a model saved with <see cref="Model.Save"/> (keras.models.load_model): the same architecture and names,
        /// the same weights bit for bit, compiled as it was with the optimizer state restored, so training resumes.
        /// </summary>
        /// <param name="path">The file written by <c>Save</c>.</param>
        /// <param name="customObjects">Custom layer types used by the model (or register them once with <see cref="RegisterCustomLayer{T}"/>).</param>
        /// <param name="compile">Restore the compile settings and optimizer state (default true).</param>
        /// <exception cref="InvalidDataException">A truncated, damaged or foreign file.</exception>
        /// <exception cref="ArgumentException">A layer class that is neither built in nor registered.</exception>
        public static Model LoadModel(string path, IEnumerable<Type>? customObjects = null, bool compile = true)
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

        /// <summary>
        /// A new model with the same architecture and freshly initialized weights (keras.models.clone_model); layers are
        /// new objects (sharing nothing with <paramref name="model"/>), and the clone is not compiled.
        /// </summary>
        public static Model CloneModel(Model model, IEnumerable<Type>? customObjects = null)
        {
            ArgumentNullException.ThrowIfNull(model);
            var json = ModelConfig.ToJson(model);
            // Keras gives the clone's layers the same names; ours keep them too (they live in a different model).
            return (Model)ModelConfig.FromJson(json, customObjects ?? CustomTypes(model));
        }

        /// <summary>Registers a custom layer class so saved models using it can be loaded (Keras's <c>register_keras_serializable</c>).</summary>
        public static void RegisterCustomLayer<T>() where T : Layer => LayerRegistry.Register(typeof(T));

        private static IEnumerable<Type> CustomTypes(Model model) =>
            model.Layers.Select(l => l.GetType()).Where(t => t.Assembly != typeof(Layer).Assembly).Distinct();
    }
}
