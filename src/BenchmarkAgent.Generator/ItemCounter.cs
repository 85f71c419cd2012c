namespace BenchmarkAgent.Generator;

/// <summary>New items appended to journals in this process, across benchmarks (for <see cref="TestHookJournal"/>).</summary>
internal sealed class ItemCounter
{
    /// <summary>The count.</summary>
    public int Value { get; set; }
}
