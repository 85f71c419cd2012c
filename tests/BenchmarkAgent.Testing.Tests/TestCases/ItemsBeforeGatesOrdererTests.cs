using BenchmarkAgent.Testing.TestCases;
using Xunit.Sdk;
using Xunit.v3;

namespace BenchmarkAgent.Testing.Tests.TestCases;

public sealed class ItemsBeforeGatesOrdererTests
{
    private sealed class Method(string name, string uniqueId) : ITestMethod
    {
        public int? MethodArity => null;

        public string MethodName => name;

        public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Traits { get; } = new Dictionary<string, IReadOnlyCollection<string>>();

        public string UniqueID => uniqueId;

        public ITestClass TestClass => throw new NotSupportedException("the orderer needs no class");
    }

    /// <summary>Unique ids for which xUnit's default order runs the gate before the item tests (found by trying seeds).</summary>
    private static List<Method> MethodsTheDefaultOrderRunsGateFirst()
    {
        for (int seed = 0; seed < 1000; seed++)
        {
            List<Method> methods = [new("Item", $"item-{seed}"), new("Custom", $"custom-{seed}"), new("Benchmark", $"gate-{seed}")];
            var order = DefaultTestMethodOrderer.Instance.OrderTestMethods<Method>(methods).Select(m => m!.MethodName).ToList();
            if (order.IndexOf("Benchmark") < order.IndexOf("Item"))
            {
                return methods;
            }
        }

        throw new InvalidOperationException("no seed makes the default order run the gate first");
    }

    [Fact]
    public void The_item_tests_run_first_added_methods_next_and_the_gates_last_where_the_default_order_would_run_the_gate_first()
    {
        var methods = MethodsTheDefaultOrderRunsGateFirst();

        var ordered = new ItemsBeforeGatesOrderer().OrderTestMethods<Method>(methods);

        Assert.Equal(["Item", "Custom", "Benchmark"], ordered.Select(m => m!.MethodName));
    }

    [Fact]
    public void Methods_a_derived_class_adds_keep_the_default_order_among_themselves()
    {
        List<Method> methods = [.. Enumerable.Range(0, 12).Select(i => new Method($"Extra{i}", $"extra-{i}")), new("Benchmark", "gate"), new("Item", "item")];
        var defaults = DefaultTestMethodOrderer.Instance.OrderTestMethods<Method>(methods).Select(m => m!.MethodName).Where(n => n.StartsWith("Extra", StringComparison.Ordinal));

        var ordered = new ItemsBeforeGatesOrderer().OrderTestMethods<Method>(methods).Select(m => m!.MethodName).ToList();

        Assert.Equal("Item", ordered[0]);
        Assert.Equal("Benchmark", ordered[^1]);
        Assert.Equal(defaults, ordered.Skip(1).Take(12));
    }

    [Fact]
    public void The_benchmark_test_class_declares_the_orderer_for_every_derived_class()
    {
        // xUnit reads the attribute from the class it runs, which is the project's sealed subclass.
        var attribute = Assert.Single(typeof(GeneratedSubclass).GetCustomAttributes(typeof(ITestMethodOrdererAttribute), inherit: true).Cast<ITestMethodOrdererAttribute>());
        Assert.Equal(typeof(ItemsBeforeGatesOrderer), attribute.OrdererType);
    }

    private sealed class GeneratedSubclass() : BenchmarkTestsBase(null!);
}
