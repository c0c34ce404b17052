using NotebookNN.Layers;
using NotebookNN.Models;

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
        public static Model LoadModel(string path, IEnumerable<Type>? customObjects = null, bool compile = true) =>
            Model.Load(path, customObjects, compile);

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
