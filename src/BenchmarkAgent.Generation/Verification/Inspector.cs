using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Generation.Verification;

/// <summary>The inspector: one model call that checks an item against every <see cref="InspectionCategories"/> category.</summary>
internal sealed class Inspector(GeneratorCaller caller)
{
    /// <summary>Inspects one item.</summary>
    /// <returns>The failed verdicts (empty when the item passed), or null when the inspector gave no usable answer.</returns>
    public async ValueTask<IReadOnlyList<InspectionVerdict>?> InspectAsync(string query, PlannedSubtask subtask, object item, CancellationToken cancellationToken)
    {
        var result = await caller.CallAsync<InspectionReply>(
            PromptStage.Inspect,
            new { Query = query, Subtask = ItemView.Subtask(subtask), Item = item },
            reply => reply.Verdicts.Any(v => InspectionCategories.All.Contains(v.Category?.Trim().ToLowerInvariant() ?? string.Empty))
                ? null
                : "no verdict names one of the categories.",
            cancellationToken).ConfigureAwait(false);
        return result.Value?.Verdicts
            .Where(v => !v.Passed && InspectionCategories.All.Contains(v.Category?.Trim().ToLowerInvariant() ?? string.Empty))
            .ToList();
    }
}
