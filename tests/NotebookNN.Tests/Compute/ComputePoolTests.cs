using NotebookNN.Compute.Threading;

namespace NotebookNN.Tests.Compute;

public class ComputePoolTests
{
    private unsafe struct CountBody : IParallelBody
    {
        public int* Hits;
        public void Invoke(int index) => Interlocked.Increment(ref Hits[index]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1000)]
    public unsafe void EveryIndexRunsExactlyOnce(int count)
    {
        var hits = new int[Math.Max(count, 1)];
        for (int round = 0; round < 200; round++) // many rounds: exercise spinning and waking workers
        {
            Array.Clear(hits);
            fixed (int* h = hits)
            {
                var body = new CountBody { Hits = h };
                ComputePool.For(count, ref body);
            }
            for (int i = 0; i < count; i++) Assert.Equal(1, hits[i]);
            if (round == 100) Thread.Sleep(5); // let the workers block, then wake them
        }
    }

    [Fact]
    public void DelegateForm_RunsEveryIndexOnce()
    {
        var hits = new int[257];
        ComputePool.For(hits.Length, i => Interlocked.Increment(ref hits[i]));
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void NestedLoops_RunInlineWithoutDeadlock()
    {
        var hits = new int[8 * 16];
        ComputePool.For(8, i => ComputePool.For(16, j => Interlocked.Increment(ref hits[i * 16 + j])));
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void TwoThreadsAtOnce_BothComplete()
    {
        var hits = new int[2, 5000];
        Parallel.For(0, 2, t =>
        {
            for (int round = 0; round < 50; round++)
                ComputePool.For(100, i => Interlocked.Increment(ref hits[t, round * 100 + i]));
        });
        foreach (var h in hits) Assert.Equal(1, h);
    }

    [Fact]
    public void ExceptionInBody_PropagatesToCaller_AndPoolStaysUsable()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            ComputePool.For(64, i => { if (i == 37) throw new InvalidOperationException("boom 37"); }));
        Assert.Equal("boom 37", e.Message);
        var hits = new int[64];
        ComputePool.For(64, i => Interlocked.Increment(ref hits[i]));
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void UsesMoreThanOneThread_WhenTheMachineHasThem()
    {
        if (ComputePool.Workers < 2) return;
        var threads = new HashSet<int>();
        for (int round = 0; round < 50 && threads.Count < 2; round++)
            ComputePool.For(2, _ => { lock (threads) threads.Add(Environment.CurrentManagedThreadId); Thread.Sleep(2); });
        Assert.True(threads.Count >= 2);
    }
}
