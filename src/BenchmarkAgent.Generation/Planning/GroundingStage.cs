using System.Globalization;
using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Grounding;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Generation.Planning;

/// <summary>
/// The grounding agent: retrieves 2-3 candidate cards for a subtask lexically (no model call), asks the model for a
/// transformability assessment with an operation plan per candidate, and scores each. The score is
/// <c>0.55 alignment + 0.25 coverage + 0.1 simplicity + 0.1 (1 - risk)</c> (the offline matcher's weights); a candidate
/// is accepted when the total reaches <see cref="LlmBackboneOptions.AcceptanceThreshold"/> and the alignment reaches
/// <see cref="LlmBackboneOptions.MinAlignment"/>. A dataset's coverage is capped by its capacity (records the chosen
/// operations apply to, over the subtask's share of the quota), and its operations must be chains the card offers.
/// </summary>
internal sealed class GroundingStage(GeneratorCaller caller, ICardRetriever retriever, LlmBackboneOptions options)
{
    /// <summary>Grounds <paramref name="subtask"/> in <paramref name="pool"/>.</summary>
    /// <param name="subtask">The designed subtask.</param>
    /// <param name="scope">The scope (its keywords join the retrieval text).</param>
    /// <param name="pool">The cards.</param>
    /// <param name="share">The subtask's expected share of the quota, for coverage.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LlmGenerationException">No usable reply (<c>BA0501</c>).</exception>
    public async ValueTask<GroundingVerdict> RunAsync(SubtaskDesign subtask, ScopeReply scope, IReadOnlyList<GroundingCard> pool, int share, CancellationToken cancellationToken)
    {
        string text = $"{subtask.Name.Replace('-', ' ')} {subtask.Description} {subtask.Capability} {string.Join(' ', scope.Keywords)}";
        var candidates = retriever.Rank(text, pool, options.CandidatesPerSubtask);
        if (candidates.Count == 0)
        {
            return new GroundingVerdict(null, [], null, [$"{subtask.Name}: no card of the pool matched its words"]);
        }

        var input = new
        {
            Subtask = new { subtask.Name, subtask.Description, subtask.Capability, subtask.Inputs, AnswerType = SnapshotNames.AnswerType(subtask.AnswerType) },
            Candidates = candidates.Select(c => new
            {
                c.Card.Id,
                c.Card.Title,
                c.Card.Description,
                AnswerType = SnapshotNames.AnswerType(c.Card.AnswerType),
                Kind = c.Card.IsFamily ? "task family" : "dataset",
                Records = c.Card.Dataset?.Records.Count,
                c.Card.Operations,
            }),
        };
        var ids = candidates.Select(c => c.Card.Id).ToHashSet(StringComparer.Ordinal);
        var result = await caller.CallAsync<GroundingReply>(
            PromptStage.Grounding,
            input,
            reply => reply.Assessments.Any(a => ids.Contains(a.Card?.Trim() ?? string.Empty)) ? null : "no assessment names one of the candidates' ids.",
            cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } reply)
        {
            throw ScopeStage.StageFailed(PromptStage.Grounding, result);
        }

        var scored = new List<(RankedCard Candidate, IReadOnlyList<string> Operations, GroundingScore Score)>();
        var rejections = new List<string>();
        foreach (var candidate in candidates)
        {
            var assessment = reply.Assessments.FirstOrDefault(a => string.Equals(a.Card?.Trim(), candidate.Card.Id, StringComparison.Ordinal));
            var (operations, score) = Score(candidate, assessment, share);
            scored.Add((candidate, operations, score));
            if (!score.Accepted)
            {
                rejections.Add($"{subtask.Name}: {score.Rationale}");
            }
        }

        var best = scored.Where(s => s.Score.Accepted).OrderByDescending(s => s.Score.Total).ThenBy(s => s.Candidate.Card.Id, StringComparer.Ordinal).FirstOrDefault();
        return best.Candidate is null
            ? new GroundingVerdict(null, [], null, rejections)
            : new GroundingVerdict(best.Candidate.Card, best.Operations, best.Score, rejections);
    }

    private (IReadOnlyList<string> Operations, GroundingScore Score) Score(RankedCard candidate, CardAssessment? assessment, int share)
    {
        var card = candidate.Card;
        if (assessment is null)
        {
            return ([], new GroundingScore(0, 0, 0, 1, 0, GroundingScore.Reject, $"rejected {card.Id}: the grounding agent did not assess it"));
        }

        var operations = card.IsFamily
            ? []
            : assessment.Operations.Select(o => o.Trim()).Where(card.Operations.Contains).Distinct(StringComparer.Ordinal).ToList();
        double alignment = Unit(assessment.Alignment);
        double coverage = Unit(assessment.Coverage);
        double simplicity = Unit(assessment.Simplicity);
        double risk = Unit(assessment.Risk);
        int? capacity = card.Dataset is { } dataset ? CardPool.Capacity(dataset, operations) : null;
        if (capacity is { } c)
        {
            coverage = Math.Min(coverage, Math.Round(Math.Min(1.0, (double)c / Math.Max(1, share)), 4));
        }

        double total = Math.Round((0.55 * alignment) + (0.25 * coverage) + (0.1 * simplicity) + (0.1 * (1 - risk)), 4);
        string facts = string.Create(CultureInfo.InvariantCulture, $"{card.Id}: alignment {alignment:0.##}, coverage {coverage:0.##}, simplicity {simplicity:0.##}, risk {risk:0.##}, total {total:0.###}");
        string plan = operations.Count == 0 ? (card.IsFamily ? "realise with the family" : "no applicable operation") : "operations " + string.Join(", ", operations);
        string why = Clip(assessment.Rationale);
        string? reason =
            !card.IsFamily && operations.Count == 0 ? "the operation plan names none of the card's transformation chains"
            : capacity is 0 ? "the chosen operations apply to none of its records"
            : alignment < options.MinAlignment ? string.Create(CultureInfo.InvariantCulture, $"alignment {alignment:0.##} is below {options.MinAlignment:0.##}")
            : total < options.AcceptanceThreshold ? string.Create(CultureInfo.InvariantCulture, $"total {total:0.###} is below the acceptance threshold {options.AcceptanceThreshold:0.###}")
            : null;
        return reason is null
            ? (operations, new GroundingScore(alignment, coverage, simplicity, risk, total, GroundingScore.Accept, $"accepted {facts}; {plan}; {why}"))
            : (operations, new GroundingScore(alignment, coverage, simplicity, risk, total, GroundingScore.Reject, $"rejected {facts}: {reason}; {why}"));
    }

    private static double Unit(double value) => double.IsFinite(value) ? Math.Round(Math.Clamp(value, 0, 1), 4) : 0;

    private static string Clip(string? text)
    {
        string value = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return value.Length > 300 ? value[..300] : value;
    }
}
