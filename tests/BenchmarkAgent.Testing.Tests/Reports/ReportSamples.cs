using BenchmarkAgent.Testing.Reports;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Tests.Reports;

/// <summary>Small runs with known numbers for the report tests.</summary>
internal static class ReportSamples
{
    public const string Injection = "</script><script>alert(1)</script><!--<img src=x onerror=alert(2)>";

    public static ItemResult Result(string benchmark, string subtask, string id, string difficulty, bool? passed, string answer = "42", string expected = "42", int latencyMs = 100) =>
        new(
            benchmark,
            subtask,
            id,
            difficulty,
            "test-model",
            passed is null ? string.Empty : answer,
            passed switch
            {
                true => ItemScore.Correct(answer, expected, "equal"),
                false => ItemScore.Wrong(answer, expected, "different"),
                null => null,
            },
            passed is null ? "HttpRequestException: boom" : null,
            TimeSpan.FromMilliseconds(latencyMs));

    /// <summary>
    /// arith/add: 5 of 8 pass (easy 3/4, medium 2/4); arith/mul: 1 of 3 scored pass plus one error (hard);
    /// logic/knights: 2 of 2 pass (medium). One answer is a script-injection attempt.
    /// </summary>
    public static RunReport Run()
    {
        var results = new List<ItemResult>();
        for (int i = 0; i < 8; i++)
        {
            results.Add(Result("arith", "add", $"a{i}", i < 4 ? "easy" : "medium", passed: i is 0 or 1 or 2 or 4 or 5, latencyMs: 100 + i));
        }

        results.Add(Result("arith", "mul", "m0", "hard", passed: true));
        results.Add(Result("arith", "mul", "m1", "hard", passed: false, answer: Injection));
        results.Add(Result("arith", "mul", "m2", "hard", passed: false, answer: "7"));
        results.Add(Result("arith", "mul", "m3", "hard", passed: null));
        results.Add(Result("logic", "knights", "k0", "medium", passed: true, answer: "knight", expected: "knight"));
        results.Add(Result("logic", "knights", "k1", "medium", passed: true, answer: "knave", expected: "knave"));
        return RunReport.Create(results);
    }
}
