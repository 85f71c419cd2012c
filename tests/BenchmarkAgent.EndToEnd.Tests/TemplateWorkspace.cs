using System.Security.Cryptography;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>
/// Packs the repository's packages into a local feed, installs the template into a private hive, and
/// creates <c>Acme.Benchmarks</c> from it, once for the whole test class. Everything lives in a temp folder
/// with its own <c>NUGET_PACKAGES</c>, so no machine state is used or changed.
/// </summary>
public sealed class TemplateWorkspace : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "benchagent-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    public string Hive => Path.Combine(Root, "hive");

    public string ProjectDirectory => Path.Combine(Root, "Acme.Benchmarks");

    public string SnapshotDirectory => Path.Combine(ProjectDirectory, "Benchmarks", "arithmetic");

    /// <summary>The output of the first <c>dotnet build</c> of the new project.</summary>
    public CliResult FirstBuild { get; private set; } = new(-1, string.Empty);

    public Dictionary<string, string?> Environment => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
    };

    public static string RepositoryRoot()
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

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        // Pack from a copy of the sources: packing in place would rewrite the repository's obj/ folders
        // (restored against this test's private NUGET_PACKAGES) while other test projects build from them.
        string repo = CopySources(RepositoryRoot(), Path.Combine(Root, "src-copy"));
        foreach (string project in new[] { "src/BenchmarkAgent.Sdk", "src/BenchmarkAgent.Testing", "templates" })
        {
            var pack = await DotnetCli.RunAsync(repo, Environment, Timeout, "pack", project, "-c", "Release", "-o", Feed, "-p:ContinuousIntegrationBuild=false");
            Assert.True(pack.ExitCode == 0, $"dotnet pack {project} failed: {pack}");
        }

        // The local feed plus the default source (no <clear/>): the template's xunit.v3 comes from there.
        await File.WriteAllTextAsync(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="benchagent-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        string template = Directory.GetFiles(Feed, "BenchmarkAgent.Templates.*.nupkg").Single();
        var install = await DotnetCli.RunAsync(Root, Environment, Timeout, "new", "install", template, "--debug:custom-hive", Hive);
        Assert.True(install.ExitCode == 0, $"dotnet new install failed: {install}");
        var create = await DotnetCli.RunAsync(Root, Environment, Timeout, "new", "benchagent", "-n", "Acme.Benchmarks", "-o", ProjectDirectory, "--debug:custom-hive", Hive);
        Assert.True(create.ExitCode == 0, $"dotnet new benchagent failed: {create}");
        FirstBuild = await DotnetCli.RunAsync(ProjectDirectory, Environment, Timeout, "build");
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a run on cleanup.
        }

        return ValueTask.CompletedTask;
    }

    private static string CopySources(string repository, string target)
    {
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            Directory.CreateDirectory(target);
            File.Copy(Path.Combine(repository, file), Path.Combine(target, file));
        }

        foreach (string folder in new[] { "src", "templates" })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(repository, folder), "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(repository, file);
                string[] parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj"))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
                File.Copy(file, Path.Combine(target, relative));
            }
        }

        return target;
    }

    /// <summary>Copies the project (without bin/obj) to a new folder under the workspace, for tests that change it.</summary>
    public string CopyProject(string name)
    {
        string target = Path.Combine(Root, name);
        foreach (string file in Directory.GetFiles(ProjectDirectory, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(ProjectDirectory, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("TestResults", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }

    /// <summary>Hash and write time of every file outside bin/ and obj/.</summary>
    public static Dictionary<string, (string Hash, DateTime Written)> SourceFiles(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(directory, f).StartsWith("bin", StringComparison.Ordinal)
                     && !Path.GetRelativePath(directory, f).StartsWith("obj", StringComparison.Ordinal)
                     && !Path.GetRelativePath(directory, f).StartsWith("TestResults", StringComparison.Ordinal))
            .ToDictionary(
                f => Path.GetRelativePath(directory, f),
                f => (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), File.GetLastWriteTimeUtc(f)));
}
