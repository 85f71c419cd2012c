using System.Globalization;
using System.Reflection;
using BenchmarkAgent.GeneratorProtocol;
using BenchmarkAgent.Tasks;
using BenchmarkAgent.Tasks.TestHost;
using Microsoft.Build.Utilities;

// Usage: <project dir> <benchmark> <query> <quota> <delay ms per accepted item>
// Runs GenerateBenchmarks as the build would for one GeneratorBenchmark item in <project dir>, logging to stdout. The
// task starts the real generator program; the delay is passed to it as a test hook in the request file.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: <project dir> <benchmark> <query> <quota> <delay ms per item>");
    return 2;
}

string project = Path.GetFullPath(args[0]);
int delay = int.Parse(args[4], CultureInfo.InvariantCulture);
var item = new TaskItem(args[1]);
item.SetMetadata("Query", args[2]);
item.SetMetadata("Quota", args[3]);
var task = new GenerateBenchmarks
{
    BuildEngine = new ConsoleBuildEngine(),
    Benchmarks = [item],
    SnapshotRoot = Path.Combine(project, "Benchmarks"),
    ProjectFile = Path.Combine(project, "test.csproj"),
    IntermediateDirectory = Path.Combine(project, "obj"),
    LockTimeoutSeconds = "60",
    GeneratorPath = typeof(ConsoleBuildEngine).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BenchmarkAgent.Generator").Value!,
    TestHooks = delay > 0 ? new GeneratorTestHooks(ItemDelayMilliseconds: delay) : null,
};
return task.Execute() ? 0 : 1;
