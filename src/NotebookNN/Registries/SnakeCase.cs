using System.Text;

namespace NotebookNN.Registries;

/// <summary>Keras's snake_case spelling of a .NET (PascalCase) name: layer prefixes, config keys, enum members' strings.</summary>
internal static class SnakeCase
{
    /// <summary><c>Dense</c> → <c>dense</c>, <c>InputLayer</c> → <c>input_layer</c>, <c>SGD</c> → <c>sgd</c>, <c>Conv2D</c> → <c>conv2d</c>, <c>ReverseLog</c> → <c>reverse_log</c>.</summary>
    public static string Of(string typeName)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < typeName.Length; i++)
        {
            char c = typeName[i];
            bool boundary = i > 0 && char.IsUpper(c) &&
                (char.IsLower(typeName[i - 1]) || (i + 1 < typeName.Length && char.IsLower(typeName[i + 1]) && char.IsUpper(typeName[i - 1])));
            if (boundary) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
