// NotebookNN benchmarks. Run in Release: dotnet run -c Release --project bench/NotebookNN.Bench -- <name> [options]
// Each benchmark prints lines in ../shared/bench's format: "<lib> <figure> <value> <unit>".
using NotebookNN.Bench;

var benches = BenchRegistry.All;
if (args.Length == 0 || !benches.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: NotebookNN.Bench <{string.Join("|", benches.Keys)}> [options]");
    return args.Length == 0 ? 0 : 2;
}
return run(args[1..]);
