namespace NotebookNN.Tests.Support;

/// <summary>
/// Tests that depend on process-wide state (automatic layer names, Console.Out) run in this collection, which xunit
/// runs alone after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KerasSessionCollection
{
    public const string Name = "Keras session (names, console)";
}
