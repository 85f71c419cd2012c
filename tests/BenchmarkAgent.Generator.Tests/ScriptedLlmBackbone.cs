using System.Diagnostics.CodeAnalysis;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;
using BenchmarkAgent.Persistence;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Generator.Tests;

/// <summary>
/// A stand-in for the LLM backbone (which lives on another branch): it asks the generator role's real composed client
/// one question per plan, so the model layer's cache and usage accounting see real calls, then realises the plan
/// offline. With <paramref name="budgetItems"/> it stops like a budget that ran out after that many new items.
/// </summary>
internal sealed class ScriptedLlmBackbone(IChatClient client, int? budgetItems = null) : IGenerationBackbone
{
    private readonly OfflineBackbone _offline = new();

    public string Name => "llm:scripted";

    public async ValueTask<BenchmarkPlan> PlanAsync(BenchmarkRequest request, CancellationToken cancellationToken = default)
    {
        await client.GetResponseAsync($"Plan a benchmark for: {request.Query}", cancellationToken: cancellationToken);
        return await _offline.PlanAsync(request, cancellationToken);
    }

    public ValueTask<BenchmarkSnapshot> GenerateAsync(
        BenchmarkPlan plan, string fingerprint, ExistingSnapshot? existing, double refreshFraction, IItemJournal? journal, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken = default) =>
        _offline.GenerateAsync(plan, fingerprint, existing, refreshFraction, budgetItems is { } limit && journal is not null ? new BudgetJournal(journal, limit) : journal, progress, cancellationToken);

    /// <summary>Throws the budget exception when the item after <paramref name="limit"/> new ones would be recorded.</summary>
    private sealed class BudgetJournal(IItemJournal inner, int limit) : IItemJournal
    {
        private readonly List<BenchmarkItem> _finished = [];

        public bool TryGet(string subtask, int index, [NotNullWhen(true)] out JournalEntry? entry) => inner.TryGet(subtask, index, out entry);

        public void Append(JournalEntry entry)
        {
            if (_finished.Count == limit)
            {
                throw new GenerationBudgetExceededException(ErrorCodes.GenerationBudgetExceeded, $"The request budget ({limit} items' worth, BenchmarkAgentMaxGeneratorRequests) ran out.", _finished);
            }

            inner.Append(entry);
            _finished.Add(entry.Item);
        }
    }
}
