using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models.Tests.Batches;

/// <summary>One run of a role in batch mode, as a test run would do it: a fresh session on the batch folder (a new process), every question asked, then the submission.</summary>
internal static class BatchRound
{
    /// <summary>What a question came to: its answer, or the code of its error (BA2110 pending, BA2112 failed line, ...).</summary>
    public sealed record Outcome(string? Answer, string? Code, string? Message);

    public static async Task<IReadOnlyDictionary<string, Outcome>> RunAsync(ModelRoleSettings settings, BatchProvider provider, string batchFolder, string cacheFolder, IReadOnlyList<string> questions, bool submit = true)
    {
        using var session = new BatchSession(settings, provider, batchFolder);
        using var client = ModelClientFactory.Create(settings, new ModelPipelineOptions
        {
            Telemetry = false,
            Cache = new FileDistributedCache(cacheFolder, settings.Role.ToString().ToLowerInvariant()),
            Batch = session,
        });
        var outcomes = await Task.WhenAll(questions.Distinct().Select(async q =>
        {
            try
            {
                var response = await client.GetResponseAsync(q, new ChatOptions { Temperature = 0 }, TestContext.Current.CancellationToken);
                return (q, new Outcome(response.Text, null, null));
            }
            catch (ModelCallException ex)
            {
                return (q, new Outcome(null, ex.Code, ex.Message));
            }
        }));
        if (submit)
        {
            await session.SubmitAsync(TestContext.Current.CancellationToken);
        }

        return outcomes.ToDictionary(o => o.q, o => o.Item2);
    }

    /// <summary>The same questions without batch mode (a later ordinary run) over the same cache.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LiveRunAsync(ModelRoleSettings settings, string cacheFolder, IReadOnlyList<string> questions)
    {
        using var client = ModelClientFactory.Create(settings, new ModelPipelineOptions
        {
            Telemetry = false,
            Cache = new FileDistributedCache(cacheFolder, settings.Role.ToString().ToLowerInvariant()),
        });
        var answers = new Dictionary<string, string>();
        foreach (string q in questions)
        {
            answers[q] = (await client.GetResponseAsync(q, new ChatOptions { Temperature = 0 }, TestContext.Current.CancellationToken)).Text;
        }

        return answers;
    }
}
