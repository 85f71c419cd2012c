using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace BenchmarkAgent.Models.Tests.Caching;

/// <summary>Runs BenchmarkAgent.Models.TestHost (a role pipeline composed from the environment) in a process of its own.</summary>
internal static class ModelsTestHost
{
    private static string HostPath =>
        typeof(ModelsTestHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BenchmarkAgent.Models.TestHost").Value!;

    /// <summary>What one run printed: answers by question, errors by question, and stderr.</summary>
    public sealed record Result(int ExitCode, IReadOnlyDictionary<string, string> Answers, IReadOnlyDictionary<string, string> Errors, string StandardError);

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> questions)
    {
        string questionsFile = Path.Combine(workingDirectory, "questions.txt");
        await File.WriteAllLinesAsync(questionsFile, questions);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostPath);
        start.ArgumentList.Add(questionsFile);
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("BENCHAGENT_", StringComparison.Ordinal) || k.StartsWith("OPENAI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var answers = new Dictionary<string, string>();
        var errors = new Dictionary<string, string>();
        foreach (string line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            string question = json.RootElement.GetProperty("question").GetString()!;
            if (json.RootElement.TryGetProperty("answer", out var answer))
            {
                answers[question] = answer.GetString()!;
            }
            else
            {
                errors[question] = json.RootElement.GetProperty("error").GetString()!;
            }
        }

        return new Result(process.ExitCode, answers, errors, await stderr);
    }
}
