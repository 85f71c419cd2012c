namespace BenchmarkAgent.Models;

/// <summary>A batch's status as the provider reports it.</summary>
/// <param name="Status">For example <c>validating</c>, <c>in_progress</c>, <c>finalizing</c>, <c>completed</c>, <c>failed</c>, <c>expired</c>, <c>cancelled</c>.</param>
/// <param name="OutputFileId">The output file, when there is one.</param>
/// <param name="ErrorFileId">The error file, when there is one.</param>
internal sealed record BatchStatus(string Status, string? OutputFileId, string? ErrorFileId)
{
    /// <summary>Whether the batch will not change any more.</summary>
    public bool IsTerminal => Status is "completed" or "failed" or "expired" or "cancelled";
}
