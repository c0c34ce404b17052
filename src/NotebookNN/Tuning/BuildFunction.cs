using System.Reflection;
using NotebookNN.Models;
using NotebookNN.Learn;

namespace NotebookNN.Tuning;

/// <summary>
/// A model-building function with named parameters, as the scikit-learn wrappers take it
/// (<c>Model BuildModel(int n_hidden = 1, int n_neurons = 30, double learning_rate = 3e-3, int[]? input_shape = null)</c>):
/// a setting's keys bind to the parameters by name (<c>n_hidden</c> also binds <c>nHidden</c>), missing ones take their
/// defaults, values convert to the declared types; an unknown key is an error listing the parameters.
/// </summary>
internal sealed class BuildFunction
{
    private readonly Delegate _fn;
    private readonly ParameterInfo[] _parameters;

    public BuildFunction(Delegate fn)
    {
        _fn = fn ?? throw new ArgumentNullException(nameof(fn));
        var method = fn.Method;
        if (!typeof(Model).IsAssignableFrom(method.ReturnType))
            throw new ArgumentException($"The build function {method.Name} must return a compiled Model; it returns {method.ReturnType.Name}.");
        _parameters = method.GetParameters();
        Name = method.Name;
    }

    public string Name { get; }

    /// <summary>The parameters and their defaults (<c>get_params</c> of the wrapper; parameters without a default are left out).</summary>
    public IReadOnlyDictionary<string, object?> Defaults => _parameters.Where(p => p.HasDefaultValue).ToDictionary(p => p.Name!, p => p.DefaultValue);

    /// <summary>The declared name a key binds to (exact, or snake_case against camelCase), or an error naming the parameters.</summary>
    public string Bind(string key, string estimator) =>
        (_parameters.FirstOrDefault(p => p.Name == key) ?? _parameters.FirstOrDefault(p => Plain(p.Name!) == Plain(key)))?.Name
        ?? throw new ArgumentException($"Invalid parameter '{key}' for estimator {estimator}: {Name}() has no parameter named '{key}'. " +
            $"Valid parameters are: [{string.Join(", ", _parameters.Select(p => $"'{p.Name}'"))}].");

    private static string Plain(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>Calls the function with these values (by parameter name) and the defaults for the rest.</summary>
    public Model Invoke(IReadOnlyDictionary<string, object?> values, string estimator)
    {
        var bound = values.ToDictionary(kv => Bind(kv.Key, estimator), kv => kv.Value);
        var args = _parameters.Select(p => bound.TryGetValue(p.Name!, out var v) ? ParameterValues.ConvertTo(v, p.ParameterType, p.Name!)
            : p.HasDefaultValue ? p.DefaultValue
            : throw new ArgumentException($"{Name}() missing required argument '{p.Name}': give it a default value or a value in the parameters.")).ToArray();
        try
        {
            return (Model?)_fn.DynamicInvoke(args) ?? throw new InvalidOperationException($"The build function {Name} returned null; it must return a compiled Model.");
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
