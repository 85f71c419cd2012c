using System.Diagnostics;
using System.Text;

namespace BenchmarkAgent.Tasks.Tests.Hardening;

/// <summary>
/// A scenario project run by the real <c>dotnet msbuild</c>: a plain project that imports the SDK's own
/// <c>build/BenchmarkAgent.Sdk.props</c> and <c>.targets</c> from the repository and loads the task assembly this test
/// project built, so MSBuild's real item expansion, warning policy and locked mode are exercised without packing.
/// </summary>
internal sealed class MsBuildScenario : IDisposable
{
    public MsBuildScenario(string itemsXml, string propertiesXml = "")
    {
        Root = Path.Combine(Path.GetTempPath(), "ba-msb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        string build = Path.Combine(RepositoryRoot(), "src", "BenchmarkAgent.Sdk", "build");
        File.WriteAllText(ProjectFile, $"""
            <Project>
              <Import Project="{build}/BenchmarkAgent.Sdk.props" />
              <PropertyGroup>
                <BenchmarkAgentTasksAssembly>{typeof(BenchmarkAgentTask).Assembly.Location}</BenchmarkAgentTasksAssembly>
                <BenchmarkAgentGeneratorPath>{TestGenerator.Path}</BenchmarkAgentGeneratorPath>
                <IntermediateOutputPath>obj/</IntermediateOutputPath>
                <BaseIntermediateOutputPath>obj/</BaseIntermediateOutputPath>
                {propertiesXml}
              </PropertyGroup>
              <ItemGroup>
                {itemsXml}
              </ItemGroup>
              <Import Project="{build}/BenchmarkAgent.Sdk.targets" />
              <Target Name="Build" DependsOnTargets="BenchmarkAgent_Generate" />
            </Project>
            """);
    }

    public string Root { get; }

    public string ProjectFile => Path.Combine(Root, "scenario.proj");

    public string SnapshotFolder(string name) => Path.Combine(Root, "Benchmarks", name);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>Runs <c>dotnet msbuild</c> on the scenario; <paramref name="ci"/> sets <c>CI=true</c> for the build only.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string target, bool ci = false, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in (string[])["msbuild", ProjectFile, "-t:" + target, "-nologo", "-nodeReuse:false", "-v:m", .. extra])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("BENCHAGENT_", StringComparison.OrdinalIgnoreCase) ||
                key is "CI" or "ContinuousIntegrationBuild")
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        if (ci)
        {
            start.Environment["CI"] = "true";
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet msbuild did not finish in 3 minutes:\n" + output);
        }

        process.WaitForExit();
        lock (gate)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BenchmarkAgent.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find BenchmarkAgent.Sdk.sln above " + AppContext.BaseDirectory);
    }
}
