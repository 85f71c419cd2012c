using System.Reflection;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>The real generator program, built next to this test project (see the project file).</summary>
internal static class TestGenerator
{
    /// <summary>The path of BenchmarkAgent.Generator.dll.</summary>
    public static string Path { get; } = typeof(TestGenerator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BenchmarkAgent.Generator").Value!;
}
