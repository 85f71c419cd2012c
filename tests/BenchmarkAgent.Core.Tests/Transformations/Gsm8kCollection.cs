namespace BenchmarkAgent.Core.Tests.Transformations;

/// <summary>
/// The GSM8K tests are CPU-heavy; running them alone keeps them from skewing the wall-clock budgets of
/// other tests (e.g. the family generation speed test).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Gsm8kCollection
{
    public const string Name = "gsm8k";
}
