using Xunit.Sdk;
using Xunit.v3;

namespace BenchmarkAgent.Testing.TestCases;

/// <summary>
/// Orders the test methods of a benchmark test class: the item tests (<see cref="BenchmarkTestsBase.Item"/>) first, any
/// methods a derived class adds next (in xUnit's default order), and the gates (<see cref="BenchmarkTestsBase.Benchmark"/>)
/// last.
/// </summary>
/// <remarks>
/// xUnit's default order is stable but unpredictable, so a gate could run before the items it gates. It would then
/// evaluate all of them itself and hold every result while the item tests, run afterwards, replay the memoised answers:
/// at 50,000 items that doubled what the test host held (issue 16). Gates last also reads better: each item's output
/// comes first, then the verdict on the whole benchmark. Item rows themselves run in snapshot order (the order in which
/// <see cref="Running.SubjectScheduler"/> starts their calls).
/// </remarks>
internal sealed class ItemsBeforeGatesOrderer : ITestMethodOrderer
{
    /// <inheritdoc />
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, ITestMethod
    {
        ArgumentNullException.ThrowIfNull(testMethods);
        var others = DefaultTestMethodOrderer.Instance.OrderTestMethods(testMethods);
        return [.. others.OrderBy(Rank)];

        static int Rank(TTestMethod? method) => method?.MethodName switch
        {
            nameof(BenchmarkTestsBase.Item) => 0,
            nameof(BenchmarkTestsBase.Benchmark) => 2,
            _ => 1,
        };
    }
}
