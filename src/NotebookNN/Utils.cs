namespace NotebookNN;

/// <summary>
/// Helpers from <c>keras.utils</c> in .NET casing (<c>Utils.SetRandomSeed</c>, <c>Utils.ToCategorical</c>, ...).
/// Each helper family lives in its own partial file (Utils.Random.cs, ...).
/// </summary>
public static partial class Utils
{
}
