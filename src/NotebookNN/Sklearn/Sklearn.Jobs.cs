namespace NotebookNN;

public static partial class Sklearn
{
    /// <summary>joblib's <c>n_jobs</c> as a number of workers: null or 1 one, -1 every core, -2 all but one, …; 0 is refused.</summary>
    internal static int Workers(int? nJobs) => nJobs switch
    {
        null => 1,
        0 => throw new ArgumentException("n_jobs == 0 has no meaning. Use n_jobs: -1 for all the cores, or a positive number of workers."),
        < 0 => Math.Max(1, Environment.ProcessorCount + 1 + nJobs.Value),
        _ => nJobs.Value,
    };
}
