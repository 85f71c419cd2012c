using System.Text.Json;
using BenchmarkAgent.Models;
using Microsoft.Extensions.AI;

// Usage: <questions file> (one question a line)
// Composes the subject's pipeline from the environment (BENCHAGENT_SUBJECT_*, BENCHAGENT_CACHE_REDIS or
// BENCHAGENT_CACHE_DIRECTORY) and asks every question in order, with temperature 0 and concurrency 4. Prints one JSON
// line per question ({"question", "answer"} or {"question", "error"}); warnings go to stderr.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: <questions file>");
    return 2;
}

var subject = ModelRoleSettingsReader.FromEnvironment().Read(ModelRole.Subject);
if (subject.Status != ModelRoleSettingsStatus.Configured)
{
    Console.Error.WriteLine(subject.Message);
    return 2;
}

RedisCacheConnection? redis = null;
if (Environment.GetEnvironmentVariable("BENCHAGENT_CACHE_REDIS") is { Length: > 0 } text && !RedisCacheConnection.TryParse(text, out redis, out string? error))
{
    Console.Error.WriteLine($"BENCHAGENT_CACHE_REDIS: {error}");
    return 2;
}

var options = new ModelPipelineOptions
{
    Telemetry = false,
    RedisCache = redis,
    CacheDirectory = Environment.GetEnvironmentVariable("BENCHAGENT_CACHE_DIRECTORY") is { Length: > 0 } folder ? folder : null,
    Warn = message => Console.Error.WriteLine("warning " + message),
};
using var client = ModelClientFactory.Create(subject.GetRequiredSettings(), options);
string[] questions = File.ReadAllLines(args[0]);
var answers = new string[questions.Length];
using var slots = new SemaphoreSlim(4);
await Task.WhenAll(questions.Select(async (question, i) =>
{
    await slots.WaitAsync();
    try
    {
        var response = await client.GetResponseAsync(question, new ChatOptions { Temperature = 0 });
        answers[i] = JsonSerializer.Serialize(new { question, answer = response.Text });
    }
    catch (Exception ex)
    {
        answers[i] = JsonSerializer.Serialize(new { question, error = ex.GetType().Name + ": " + ex.Message });
    }
    finally
    {
        slots.Release();
    }
}));
foreach (string line in answers)
{
    Console.WriteLine(line);
}

return 0;
