using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Generation.Planning;

/// <summary>The design agent: 1 to 3 subtasks that each test the core capability; revises or discards on feedback.</summary>
internal sealed class DesignStage(GeneratorCaller caller)
{
    /// <summary>The most subtasks a design keeps.</summary>
    public const int MaxSubtasks = 3;

    /// <summary>Designs (round 1) or revises (later rounds, with <paramref name="feedback"/>) the subtasks.</summary>
    /// <returns>The kept subtasks, normalised; discarded ones are left out.</returns>
    /// <exception cref="LlmGenerationException">No usable reply (<c>BA0501</c>), or every subtask discarded (<c>BA0504</c>).</exception>
    public async ValueTask<IReadOnlyList<SubtaskDesign>> RunAsync(
        BenchmarkRequest request, ScopeReply scope, IReadOnlyList<SubtaskDesign> previous, IReadOnlyList<string> feedback, CancellationToken cancellationToken)
    {
        var input = new
        {
            request.Query,
            Scope = scope,
            Previous = previous.Count == 0 ? null : previous.Select(p => new { p.Name, p.Description, p.Capability, AnswerType = SnapshotNames.AnswerType(p.AnswerType) }),
            Feedback = feedback.Count == 0 ? null : feedback,
        };
        var result = await caller.CallAsync<DesignReply>(PromptStage.Design, input, Problem, cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } reply)
        {
            throw ScopeStage.StageFailed(PromptStage.Design, result);
        }

        var kept = reply.Subtasks.Where(s => !s.Discarded).Take(MaxSubtasks).ToList();
        if (kept.Count == 0)
        {
            throw new LlmGenerationException(ErrorCodes.NoSubtaskDesigned, $"the design agent kept no subtask for the query of '{request.Name}'. Make the query say which capability to evaluate.");
        }

        var names = SubtaskNames.Unique(kept.Select(s => s.Name));
        return kept.Select((s, i) => new SubtaskDesign(
            names[i],
            Clean(s.Description, s.Name),
            Clean(s.Skill, "general"),
            Clean(s.Capability, s.Description),
            Inputs(s.Inputs),
            ParseType(s.AnswerType)!.Value,
            double.IsFinite(s.Importance) ? Math.Clamp(s.Importance, 0, 1) : 0.5,
            Clean(s.Rationale, "designed for the query"))).ToList();
    }

    private static string? Problem(DesignReply reply)
    {
        if (reply.Subtasks.Count == 0)
        {
            return "there are no subtasks.";
        }

        foreach (var subtask in reply.Subtasks.Where(s => !s.Discarded))
        {
            if (string.IsNullOrWhiteSpace(subtask.Description))
            {
                return $"the subtask '{subtask.Name}' has no description.";
            }

            if (ParseType(subtask.AnswerType) is null)
            {
                return $"the subtask '{subtask.Name}' has the answer type '{subtask.AnswerType}'; use number, choice, text, freetext or pattern.";
            }
        }

        return null;
    }

    private static AnswerType? ParseType(string? text) =>
        SnapshotNames.TryParseAnswerType(text?.Trim().ToLowerInvariant(), out var type) && SubtaskDesign.DraftableTypes.Contains(type) ? type : null;

    private static IReadOnlyList<string> Inputs(IReadOnlyList<string> inputs)
    {
        var known = inputs.Select(i => i.Trim().ToLowerInvariant()).Where(SubtaskDesign.KnownInputs.Contains).ToHashSet(StringComparer.Ordinal);
        known.Add("question");
        return SubtaskDesign.KnownInputs.Where(known.Contains).ToList();
    }

    private static string Clean(string? text, string? fallback)
    {
        string value = string.IsNullOrWhiteSpace(text) ? fallback ?? string.Empty : text;
        value = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return value.Length > 400 ? value[..400] : value;
    }
}
