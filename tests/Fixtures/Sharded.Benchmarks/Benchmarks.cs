using BenchmarkAgent.Testing;
using BenchmarkAgent.Testing.Running;

// What BenchmarkAgent.Sdk generates for <GeneratedBenchmark Include="sharded" /> and <GeneratedBenchmark Include="tiny" />;
// the snapshots are written into the copied output folder by the test that runs this assembly.
[assembly: GeneratedBenchmark("sharded", "Benchmarks/sharded")]
[assembly: GeneratedBenchmark("tiny", "Benchmarks/tiny", MinScore = "0.5")]
[assembly: AssemblyFixture(typeof(BenchmarkRun))]

namespace Sharded.Benchmarks;

/// <summary>Every snapshot item against the subject, scored and reported.</summary>
public sealed class Benchmarks(BenchmarkRun run) : BenchmarkTestsBase(run);
