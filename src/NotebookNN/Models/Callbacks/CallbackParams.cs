using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NotebookNN.Models;

/// <summary>
/// What a Fit, Evaluate or Predict call tells its callbacks (Keras's <c>callback.params</c>): the verbosity, the epochs
/// and the steps per epoch, typed; it also reads as Keras's dictionary (<c>Params["epochs"]</c>).
/// </summary>
public sealed class CallbackParams : IReadOnlyDictionary<string, object>
{
    private readonly Dictionary<string, object> _asDictionary;

    /// <summary>The params of a call.</summary>
    public CallbackParams(int verbose, int epochs, int steps)
    {
        (Verbose, Epochs, Steps) = (verbose, epochs, steps);
        _asDictionary = new() { ["verbose"] = verbose, ["epochs"] = epochs, ["steps"] = steps };
    }

    /// <summary>The call's <c>verbose</c>.</summary>
    public int Verbose { get; }
    /// <summary>The epochs the call runs (1 for Evaluate and Predict).</summary>
    public int Epochs { get; }
    /// <summary>The steps (batches) per epoch.</summary>
    public int Steps { get; }

    /// <summary>What a callback assumes before a call configures it: verbose 1, one epoch, steps unknown (0).</summary>
    internal static CallbackParams Default { get; } = new(1, 1, 0);

    /// <summary>
    /// Params given as a dictionary (Keras's <c>set_params</c>) read once into the typed form: a missing entry takes
    /// <see cref="Default"/>'s value, an entry that is not an int is refused naming it.
    /// </summary>
    internal static CallbackParams From(IReadOnlyDictionary<string, object> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters as CallbackParams ?? new(Int(parameters, "verbose", Default.Verbose), Int(parameters, "epochs", Default.Epochs), Int(parameters, "steps", Default.Steps));
    }

    private static int Int(IReadOnlyDictionary<string, object> parameters, string key, int fallback) =>
        !parameters.TryGetValue(key, out var value) ? fallback
        : value as int? ?? throw new ArgumentException(
            $"The callback param `{key}` must be an int. Received: {key}={Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null"} ({value?.GetType().Name ?? "null"}).");

    /// <inheritdoc/>
    public object this[string key] => _asDictionary[key];
    /// <inheritdoc/>
    public IEnumerable<string> Keys => _asDictionary.Keys;
    /// <inheritdoc/>
    public IEnumerable<object> Values => _asDictionary.Values;
    /// <inheritdoc/>
    public int Count => _asDictionary.Count;
    /// <inheritdoc/>
    public bool ContainsKey(string key) => _asDictionary.ContainsKey(key);
    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => _asDictionary.TryGetValue(key, out value);
    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _asDictionary.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
