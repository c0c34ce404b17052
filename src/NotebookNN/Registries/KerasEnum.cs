using System.Collections.Concurrent;

namespace NotebookNN.Registries;

/// <summary>
/// Keras's strings for the library's enums: a member's Keras name is its name in snake case (<c>ReverseLog</c> ↔
/// <c>"reverse_log"</c>, <c>Same</c> ↔ <c>"same"</c>). Public arguments keep taking Keras's strings and parse them
/// once, here, at the boundary; inside the library only the enum travels.
/// </summary>
internal static class KerasEnum
{
    /// <summary>
    /// The member <paramref name="value"/> names (case ignored); otherwise the registry's error:
    /// <c>Invalid value for argument `padding`. Received: padding=full. Expected one of: valid, same.</c>
    /// </summary>
    /// <param name="value">Keras's string, as the user gave it.</param>
    /// <param name="argument">Keras's name of the argument, as the error names it.</param>
    /// <param name="owner">What the argument belongs to, when the error should say (<c>learning_rate</c>).</param>
    public static TEnum Parse<TEnum>(string value, string argument, string? owner = null) where TEnum : struct, Enum =>
        Names<TEnum>.ByArgument.GetOrAdd(argument, a => Registry<TEnum>(a)).Resolve(value ?? throw new ArgumentNullException(argument), owner);

    /// <summary>
    /// <see cref="Parse{TEnum}(string, string, string?)"/> for an argument whose error Keras words its own way, listing
    /// the valid strings as a Python tuple: <paramref name="unknown"/> makes the message from what was received and
    /// that tuple (<c>('reflect', 'wrap', 'constant', 'nearest')</c>).
    /// </summary>
    public static TEnum Parse<TEnum>(string value, string argument, Func<string, string, string> unknown) where TEnum : struct, Enum =>
        Names<TEnum>.ByArgument.GetOrAdd(argument, a => Registry<TEnum>(a)).TryResolve(value ?? throw new ArgumentNullException(argument), out var member)
            ? member : throw new ArgumentException(unknown(value, Names<TEnum>.Tuple));

    /// <summary>A registry of the enum's members, for an argument whose error Keras words its own way (<paramref name="received"/>).</summary>
    public static Registry<TEnum> Registry<TEnum>(string argument, Func<string, string>? received = null) where TEnum : struct, Enum
    {
        var registry = Registries.Registry<TEnum>.Argument(argument, received);
        foreach (var (member, name) in Names<TEnum>.Of) registry.Add(member, name);
        return registry;
    }

    /// <summary>The Keras string of an enum member.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.Of[value];

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyDictionary<TEnum, string> Of = Enum.GetValues<TEnum>().ToDictionary(v => v, v => SnakeCase.Of(v.ToString()));
        public static readonly ConcurrentDictionary<string, Registry<TEnum>> ByArgument = new();
        public static readonly string Tuple = $"({string.Join(", ", Enum.GetValues<TEnum>().Select(v => $"'{Of[v]}'"))})";
    }
}
