using BenchmarkAgent.Models;

namespace BenchmarkAgent.Testing.Running;

/// <summary>Provider batch runs (<c>BENCHAGENT_BATCH</c>): one <see cref="BatchSession"/> per role, submitted when the run ends.</summary>
public sealed partial class BenchmarkRun
{
    private readonly List<BatchSession> _batchSessions = [];

    /// <summary>Whether an outcome's error is a call waiting in a provider batch (<c>BA2110</c>): the item is pending, not failed.</summary>
    /// <param name="error">The error, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> for a pending call.</returns>
    internal static bool IsBatchPending(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is ModelCallException { Code: ErrorCodes.BatchPending })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The batch session of a role configured from the environment, or <see langword="null"/> when batches are off.</summary>
    private BatchSession? BatchSessionFor(ModelRoleSettings settings)
    {
        if (_settings.Batch is not { } provider)
        {
            return null;
        }

        string folder = Path.Combine(ProjectObjFolder("benchagent-batch", _settings.BatchDirectory), settings.Role.ToString().ToLowerInvariant());
        var session = new BatchSession(settings, provider, folder);
        lock (_batchSessions)
        {
            _batchSessions.Add(session);
        }

        return session;
    }

    /// <summary>Sends each role's recorded calls as one batch and says on standard error what to do next.</summary>
    private async Task SubmitBatchesAsync()
    {
        BatchSession[] sessions;
        lock (_batchSessions)
        {
            sessions = [.. _batchSessions];
            _batchSessions.Clear();
        }

        foreach (var session in sessions)
        {
            try
            {
                int recorded = session.RecordedCount;
                var state = await session.SubmitAsync(CancellationToken.None).ConfigureAwait(false);
                string role = session.Role.ToString().ToLowerInvariant();
                if (state is not null)
                {
                    Console.Error.WriteLine(state.Stage == BatchState.AwaitingOutput
                        ? $"{ErrorCodes.BatchPending}: {recorded} {role} call(s) written to {Path.Combine(session.Folder, BatchSession.RequestsFileName)}; run `vllm run-batch -i {BatchSession.RequestsFileName} -o {BatchSession.ResultsFileName} --model <model>` in that folder, then dotnet test again."
                        : $"{ErrorCodes.BatchPending}: {recorded} {role} call(s) submitted as batch {state.BatchId}; run dotnet test again to collect it (each run asks its status once).");
                }
                else if (session.State is { InFlight: true })
                {
                    Console.Error.WriteLine($"{ErrorCodes.BatchPending}: the {role} batch is still on its way ({session.InFlightDescription}); run dotnet test again later.");
                }
            }
            catch (ModelCallException ex)
            {
                Console.Error.WriteLine(ex.Message); // BA2113: the state keeps what was done; the next run retries the step
            }
            finally
            {
                session.Dispose();
            }
        }
    }
}
