using System.Reflection;

namespace BenchmarkAgent.Testing.TestCases;

/// <summary>Finds the test assembly that declares the benchmarks (the one carrying <see cref="GeneratedBenchmarkAttribute"/>s).</summary>
internal static class TestAssemblyLocator
{
    public static Assembly Find(MethodInfo testMethod)
    {
        var candidates = new[] { testMethod.ReflectedType?.Assembly, Assembly.GetEntryAssembly(), testMethod.DeclaringType?.Assembly };
        return candidates.FirstOrDefault(a => a is not null && a.IsDefined(typeof(GeneratedBenchmarkAttribute), false))
            ?? testMethod.ReflectedType?.Assembly
            ?? testMethod.Module.Assembly;
    }
}
