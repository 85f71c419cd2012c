using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Running;

/// <summary>The subject of a run, or why there is none.</summary>
/// <param name="Client">The subject, when one is configured.</param>
/// <param name="Label">How the subject is named in output and reports.</param>
/// <param name="SkipReason">Why item tests are skipped (nothing configured); exact about what to set.</param>
/// <param name="Error">A configuration error that must fail item tests (fail closed).</param>
internal sealed record SubjectResolution(IChatClient? Client, string Label, string? SkipReason, string? Error)
{
    /// <summary>
    /// The inputs the subject accepts besides text: <c>BENCHAGENT_SUBJECT_MODALITIES</c> when set, else the
    /// <see cref="BenchmarkSubjectAttribute.Modalities"/> of a subject in code, text only for an endpoint, and every input
    /// for the random-guess baseline. Items needing more are skipped.
    /// </summary>
    public InputModalities Modalities { get; init; }
}
