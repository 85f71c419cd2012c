using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Generation.Planning;

/// <summary>
/// The allocation agent: the model gives each grounded subtask an importance; <see cref="QuotaAllocator"/> turns the
/// importances into exact integer quotas; a subtask whose source cannot supply its quota (a dataset's capacity) is capped
/// and the rest loops back to the other subtasks, and when none can take it, to a model-written twin of the capped one.
/// </summary>
internal sealed class AllocationStage(GeneratorCaller caller)
{
    /// <summary>The most re-allocation rounds after a capacity shortfall.</summary>
    public const int MaxRounds = 4;

    /// <summary>Asks for the importance of each of <paramref name="subtasks"/>.</summary>
    /// <returns>Importance and rationale by subtask name (missing names keep the design's importance).</returns>
    /// <exception cref="LlmGenerationException">No usable reply (<c>BA0501</c>).</exception>
    public async ValueTask<IReadOnlyDictionary<string, SubtaskImportance>> RunAsync(
        BenchmarkRequest request, IReadOnlyList<(SubtaskDesign Design, string Source, int? Capacity)> subtasks, CancellationToken cancellationToken)
    {
        var names = subtasks.Select(s => s.Design.Name).ToHashSet(StringComparer.Ordinal);
        var result = await caller.CallAsync<AllocationReply>(
            PromptStage.Allocation,
            new
            {
                request.Query,
                request.Quota,
                Subtasks = subtasks.Select(s => new { s.Design.Name, s.Design.Description, s.Source, s.Capacity }),
            },
            reply => reply.Subtasks.Any(s => names.Contains(s.Name?.Trim() ?? string.Empty)) ? null : "no entry names one of the subtasks.",
            cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } reply)
        {
            throw ScopeStage.StageFailed(PromptStage.Allocation, result);
        }

        var byName = new Dictionary<string, SubtaskImportance>(StringComparer.Ordinal);
        foreach (var entry in reply.Subtasks.Where(e => names.Contains(e.Name?.Trim() ?? string.Empty)))
        {
            byName.TryAdd(entry.Name.Trim(), entry);
        }

        return byName;
    }

    /// <summary>
    /// Splits <paramref name="quota"/> by <paramref name="weights"/> within <paramref name="capacities"/> (null: no
    /// limit). Returns the quotas and, per index, what could not be placed anywhere (the shortfall that loops back).
    /// </summary>
    public static (int[] Quotas, int Shortfall) Allocate(int quota, IReadOnlyList<double> weights, IReadOnlyList<int?> capacities)
    {
        int n = weights.Count;
        var quotas = QuotaAllocator.Allocate(quota, weights).ToArray();
        var capped = new bool[n];
        for (int round = 0; round < MaxRounds; round++)
        {
            int excess = 0;
            for (int i = 0; i < n; i++)
            {
                if (capacities[i] is { } capacity && quotas[i] > capacity)
                {
                    excess += quotas[i] - capacity;
                    quotas[i] = capacity;
                    capped[i] = true;
                }
            }

            if (excess == 0)
            {
                return (quotas, 0);
            }

            var open = Enumerable.Range(0, n).Where(i => !capped[i]).ToList();
            if (open.Count == 0)
            {
                return (quotas, excess);
            }

            var extra = QuotaAllocator.Allocate(excess, open.Select(i => Math.Max(weights[i], 0.01)).ToList());
            for (int k = 0; k < open.Count; k++)
            {
                quotas[open[k]] += extra[k];
            }
        }

        int left = Enumerable.Range(0, n).Sum(i => capacities[i] is { } c && quotas[i] > c ? quotas[i] - c : 0);
        for (int i = 0; i < n; i++)
        {
            if (capacities[i] is { } c && quotas[i] > c)
            {
                quotas[i] = c;
            }
        }

        return (quotas, left);
    }
}
