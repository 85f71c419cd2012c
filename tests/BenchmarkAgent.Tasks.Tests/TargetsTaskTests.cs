using System.Xml.Linq;

namespace BenchmarkAgent.Tasks.Tests;

/// <summary>The SDK's targets file and the task assembly agree: one task per public target, each over the shared base.</summary>
public sealed class TargetsTaskTests
{
    private static XDocument Targets()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "src", "BenchmarkAgent.Sdk", "build", "BenchmarkAgent.Sdk.targets");
            if (File.Exists(path))
            {
                return XDocument.Load(path);
            }
        }

        throw new InvalidOperationException("Cannot find src/BenchmarkAgent.Sdk/build/BenchmarkAgent.Sdk.targets above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Every_UsingTask_names_a_concrete_task_over_the_shared_base()
    {
        var names = Targets().Root!.Elements("UsingTask").Select(e => (string)e.Attribute("TaskName")!).ToList();

        Assert.Equal(4, names.Count);
        Assert.All(names, name =>
        {
            var type = typeof(BenchmarkAgentTask).Assembly.GetType(name);
            Assert.NotNull(type);
            Assert.True(type.IsPublic && !type.IsAbstract && type.IsSubclassOf(typeof(BenchmarkAgentTask)), name);
        });
    }

    [Theory]
    [InlineData("_BenchmarkAgentGenerate", "GenerateBenchmarks")]
    [InlineData("BenchmarkAgent_Plan", "PlanBenchmarks")]
    [InlineData("BenchmarkAgent_Refresh", "RefreshBenchmarks")]
    [InlineData("BenchmarkAgent_Changes", "SummarizeBenchmarkChanges")]
    public void Each_target_runs_its_own_task_with_parameters_the_task_has(string target, string task)
    {
        var element = Targets().Root!.Elements("Target").Single(t => (string?)t.Attribute("Name") == target);
        var call = Assert.Single(element.Elements(), e => e.Name.LocalName.EndsWith("Benchmarks", StringComparison.Ordinal) || e.Name.LocalName.EndsWith("Changes", StringComparison.Ordinal));

        Assert.Equal(task, call.Name.LocalName);
        var type = typeof(BenchmarkAgentTask).Assembly.GetType("BenchmarkAgent.Tasks." + task)!;
        Assert.All(call.Attributes().Select(a => a.Name.LocalName), parameter => Assert.NotNull(type.GetProperty(parameter)));
    }
}
