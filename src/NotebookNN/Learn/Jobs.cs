using System.Runtime.ExceptionServices;

namespace NotebookNN.Learn;

/// <summary>joblib's side of scikit-learn: how many workers <c>n_jobs</c> means, and a loop over jobs on them.</summary>
internal static class Jobs
{
    /// <summary>joblib's <c>n_jobs</c> as a number of workers: null or 1 one, -1 every core, -2 all but one, …; 0 is refused.</summary>
    internal static int Workers(int? nJobs) => nJobs switch
    {
        null => 1,
        0 => throw new ArgumentException("n_jobs == 0 has no meaning. Use n_jobs: -1 for all the cores, or a positive number of workers."),
        < 0 => Math.Max(1, Environment.ProcessorCount + 1 + nJobs.Value),
        _ => nJobs.Value,
    };

    /// <summary>Runs <paramref name="body"/> for 0 … count-1 on up to <paramref name="workers"/> threads (in order on the caller's thread for one); a failure surfaces as itself, not wrapped.</summary>
    internal static void ForEach(int count, int workers, Action<int> body)
    {
        if (workers <= 1 || count <= 1)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        try { Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers }, body); }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
