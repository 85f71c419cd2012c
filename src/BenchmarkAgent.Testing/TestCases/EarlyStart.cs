using System.Reflection;
using BenchmarkAgent.Testing.Running;
using Xunit;

namespace BenchmarkAgent.Testing.TestCases;

/// <summary>
/// Starts the run's subject calls when xUnit enumerates a benchmark theory's rows in order to run them (not when it
/// only discovers tests: listing tests must never call the subject).
/// </summary>
internal static class EarlyStart
{
    /// <summary>Starts the calls of <paramref name="testAssembly"/> through the run fixture, if the rows are about to run.</summary>
    public static async ValueTask WhenRowsRunAsync(Assembly testAssembly)
    {
        var context = TestContext.Current;
        if (context.PipelineStage != TestPipelineStage.TestMethodExecution)
        {
            return;
        }

        if (await context.GetFixture<BenchmarkRun>().ConfigureAwait(false) is { } run)
        {
            run.StartCalls(testAssembly);
        }
    }
}
