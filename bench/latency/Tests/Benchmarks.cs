using BenchmarkAgent.Testing;
using BenchmarkAgent.Testing.Running;
using Xunit;

// What BenchmarkAgent.Sdk generates for a project with <GeneratedBenchmark Include="latency" />.
[assembly: GeneratedBenchmark("latency", "Benchmarks/latency")]
[assembly: AssemblyFixture(typeof(BenchmarkRun))]

namespace Latency.Tests;

/// <summary>Every snapshot item against the subject (the bench server), scored and reported.</summary>
public sealed class Benchmarks(BenchmarkRun run) : BenchmarkTestsBase(run);
