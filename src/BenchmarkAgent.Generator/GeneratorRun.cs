using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Models;
using BenchmarkAgent.Persistence;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Generator;

/// <summary>
/// One run of the program over a request: generates each benchmark in order (see <see cref="BenchmarkGeneration"/>),
/// prints the generator role's usage when the LLM backbone ran, and ends with the result line.
/// </summary>
internal sealed class GeneratorRun(GeneratorRequest request, GeneratorOutput output, BackboneSelector selector)
{
    /// <summary>The exit code of a run stopped by the build (standard input closed, Ctrl+C or SIGTERM).</summary>
    public const int CancelledExitCode = 130;

    /// <summary>Runs the request; returns the process exit code (0 when every benchmark was generated, 1 after an error).</summary>
    public async Task<int> RunAsync(CancellationToken shutdown)
    {
        using var wallTime = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        if (request.Budget.MaxSeconds is { } seconds)
        {
            wallTime.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        // The task holds generate.lock for the whole run; this program holds generator.lock while it touches journals
        // and snapshots, so a program of a killed build that has not noticed yet finishes before a new one starts.
        string lockPath = Path.Combine(request.IntermediateDirectory, "benchagent", "generator.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        using var held = GenerationLock.Acquire(lockPath, TimeSpan.FromSeconds(request.LockTimeoutSeconds), cancellationToken: shutdown);
        if (held is null)
        {
            output.Error(ErrorCodes.GenerationLockTimeout,
                $"An earlier generator program of this project still holds {lockPath} after {request.LockTimeoutSeconds} s, so nothing was generated. Stop it if it hangs, or raise BenchmarkAgentLockTimeoutSeconds.");
            return 1;
        }

        var generated = new List<string>();
        var clients = new List<IChatClient>();
        var counter = new ItemCounter();
        try
        {
            foreach (var benchmark in request.Benchmarks)
            {
                if (wallTime.IsCancellationRequested)
                {
                    break;
                }

                var selection = selector.Select(benchmark.Backbone, request.Budget);
                if (selection.Error is { } error)
                {
                    output.Write(error with { Text = $"Benchmark '{benchmark.Name}': {error.Text}" });
                    continue;
                }

                if (selection.Client is { } client)
                {
                    clients.Add(client);
                }

                var generation = new BenchmarkGeneration(request, benchmark, selection.Backbone!, output, counter);
                if (await generation.RunAsync(wallTime.Token, shutdown).ConfigureAwait(false))
                {
                    generated.Add(benchmark.Name);
                }
            }

            if (shutdown.IsCancellationRequested)
            {
                return CancelledExitCode;
            }

            WriteUsage(clients);
            output.Write(GeneratorLine.Result(generated));
            return output.HasErrors ? 1 : 0;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>The token summary of the generator role: one line when the LLM backbone ran, none offline.</summary>
    private void WriteUsage(List<IChatClient> clients)
    {
        if (clients.Count == 0)
        {
            return;
        }

        long calls = 0, input = 0, outputTokens = 0;
        foreach (var client in clients)
        {
            if (client.GetService<UsageAccountingChatClient>()?.Usage is { } usage)
            {
                calls += usage.Calls;
                input += usage.InputTokens;
                outputTokens += usage.OutputTokens;
            }
        }

        output.Message(GeneratorLineTypes.High, "BenchmarkAgent: generator: {0} requests, {1} input tokens, {2} output tokens", calls, input, outputTokens);
    }
}
