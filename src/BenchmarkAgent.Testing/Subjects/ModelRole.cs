namespace BenchmarkAgent.Testing.Subjects;

/// <summary>The part a model plays in a benchmark run; each role is configured separately.</summary>
public enum ModelRole
{
    /// <summary>The model that drafts benchmark items at build time.</summary>
    Generator,

    /// <summary>The model that grades free-form answers or checks generated items.</summary>
    Judge,

    /// <summary>The model under test, which answers the benchmark items.</summary>
    Subject,
}
