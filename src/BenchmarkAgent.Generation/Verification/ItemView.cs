using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Generation.Verification;

/// <summary>What the inspector and the rater are shown of an item and its subtask (their user message). Pure.</summary>
internal static class ItemView
{
    /// <summary>The subtask as the verifier sees it.</summary>
    public static object Subtask(PlannedSubtask subtask) => new
    {
        subtask.Name,
        subtask.Description,
        subtask.Capability,
        subtask.Inputs,
        AnswerType = SnapshotNames.AnswerType(subtask.AnswerType),
    };

    /// <summary>The item as the verifier sees it.</summary>
    public static object Item(string prompt, string? context, IReadOnlyList<string> choices, ExpectedAnswer answer) => new
    {
        Prompt = prompt,
        Context = context,
        Choices = choices,
        Answer = answer.Value,
        AnswerType = SnapshotNames.AnswerType(answer.Type),
    };
}
