using NotebookNN.Layers;

namespace NotebookNN;

/// <summary>Process-wide Keras state (keras.backend / keras.utils functions).</summary>
public static class Keras
{
    /// <summary>Resets automatic layer and model names (<c>dense</c>, <c>dense_1</c>, …), like <c>keras.backend.clear_session()</c>.</summary>
    public static void ClearSession() => LayerNames.Reset();
}
