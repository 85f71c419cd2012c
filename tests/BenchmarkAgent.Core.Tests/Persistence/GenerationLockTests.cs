using BenchmarkAgent.Persistence;
using BenchmarkAgent.Core.Tests.Snapshots;

namespace BenchmarkAgent.Core.Tests.Persistence;

public sealed class GenerationLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string LockPath => GenerationLock.PathFor(_dir.Path);

    [Fact]
    public void A_held_lock_cannot_be_taken_again_until_it_is_released()
    {
        using (var first = GenerationLock.Acquire(LockPath, TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.NotNull(first);
            Assert.False(first.Waited);
            Assert.Null(GenerationLock.Acquire(LockPath, TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken));
        }

        using var again = GenerationLock.Acquire(LockPath, TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(again);
        Assert.True(File.Exists(LockPath)); // never deleted: the next holder opens the same file
    }

    [Fact]
    public async Task A_waiting_acquirer_gets_the_lock_when_the_holder_releases_it()
    {
        var first = GenerationLock.Acquire(LockPath, TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(first);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var second = Task.Run(
            () => GenerationLock.Acquire(LockPath, TimeSpan.FromMinutes(2), waiting.SetResult, TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken);
        await waiting.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(second.IsCompleted);
        first.Dispose();

        using var taken = await second;
        Assert.NotNull(taken);
        Assert.True(taken.Waited);
    }

    [Fact]
    public async Task Waiting_stops_when_cancelled()
    {
        using var first = GenerationLock.Acquire(LockPath, TimeSpan.Zero, cancellationToken: TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var second = Task.Run(() => GenerationLock.Acquire(LockPath, TimeSpan.FromMinutes(2), waiting.SetResult, cts.Token), TestContext.Current.CancellationToken);
        await waiting.Task.WaitAsync(TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => second);
    }

    [Fact]
    public void Leftover_temporary_snapshot_files_are_deleted_and_nothing_else()
    {
        string[] leftovers = ["items.json.4242.0123456789abcdef0123456789abcdef.tmp", "plan.json.7.fedcba9876543210fedcba9876543210.tmp"];
        string[] kept = ["items.json", "plan.json", "notes.tmp", "items.json.12.short.tmp", "README.md"];
        foreach (string name in leftovers.Concat(kept))
        {
            File.WriteAllText(_dir.File(name), "x");
        }

        int deleted = LeftoverTempFiles.Delete(_dir.Path);

        Assert.Equal(leftovers.Length, deleted);
        Assert.Equal(kept.Order(StringComparer.Ordinal), Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
