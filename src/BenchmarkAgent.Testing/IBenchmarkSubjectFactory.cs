using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing;

/// <summary>
/// Supplies the model under test in code (for example an in-process model) instead of through the
/// <c>BENCHAGENT_SUBJECT_*</c> environment variables. Register it with <see cref="BenchmarkSubjectAttribute"/>.
/// </summary>
public interface IBenchmarkSubjectFactory
{
    /// <summary>Creates the subject. Called once per test run.</summary>
    IChatClient CreateSubject();
}
