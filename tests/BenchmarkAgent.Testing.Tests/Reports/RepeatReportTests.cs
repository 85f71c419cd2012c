using BenchmarkAgent.Testing.Reports;
using BenchmarkAgent.Testing.Running;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Testing.Results;

namespace BenchmarkAgent.Testing.Tests.Reports;

public sealed class RepeatReportTests
{
    /// <summary>An item asked three times: <paramref name="passes"/> of the repeats passed; it passes on a majority.</summary>
    private static ItemResult Repeated(string subtask, string id, int passes)
    {
        var scores = Enumerable.Range(0, 3)
            .Select(r => r < passes ? ItemScore.Correct("4", "4", "equal") : ItemScore.Wrong("5", "4", "different"))
            .ToList();
        return new ItemResult("bench", subtask, id, "easy", "m", "4", RepeatSummary.Combine(scores), null, TimeSpan.Zero, RepeatSummary.From(scores));
    }

    [Fact]
    public void With_repeats_the_summaries_count_pass_at_k_apart_from_majority_passes()
    {
        // a: 3/3 (majority, pass@3); b: 1/3 (pass@3 only); c: 0/3; d: 2/3 (majority, pass@3).
        var report = RunReport.Create([Repeated("s1", "a", 3), Repeated("s1", "b", 1), Repeated("s2", "c", 0), Repeated("s2", "d", 2)]);

        var bench = Assert.Single(report.Benchmarks);
        Assert.Equal(2, bench.Passed);
        Assert.Equal(3, bench.PassAtK);
        Assert.Equal(3, bench.Repeats);
        Assert.Equal(2, report.Subtasks.Single(s => s.Name == "bench/s1").PassAtK);
        Assert.Equal(1, report.Subtasks.Single(s => s.Name == "bench/s2").PassAtK);

        string markdown = ReportWriter.Markdown(report);
        Assert.Contains("| benchmark / subtask | items | passed (majority of 3) | pass@3 | errors | score |", markdown);
        Assert.Contains("| **bench** | 4 | 2 | 3 | 0 |", markdown);
        Assert.Contains("| &nbsp;&nbsp;s1 | 2 | 1 | 2 | 0 |", markdown);
    }

    [Fact]
    public void Without_repeats_there_is_no_pass_at_k_column()
    {
        var report = ReportSamples.Run();

        Assert.All(report.Benchmarks, b => Assert.Null(b.PassAtK));
        string markdown = ReportWriter.Markdown(report);
        Assert.DoesNotContain("pass@", markdown);
        Assert.Contains("| benchmark / subtask | items | passed | errors | score |", markdown);
        string html = HtmlReportWriter.Render(report);
        Assert.DoesNotContain("passk-table", html);
        Assert.DoesNotContain("repeats passed", html);
    }

    [Fact]
    public void With_repeats_the_html_report_has_a_pass_at_k_table_per_subtask_and_a_repeats_column()
    {
        var report = RunReport.Create([Repeated("s1", "a", 3), Repeated("s1", "b", 1), Repeated("s2", "c", 0), Repeated("s2", "d", 2)]);

        var model = HtmlReportModel.Create(report);
        string html = HtmlReportWriter.Render(model);

        Assert.Equal(3, model.Repeats);
        var s1 = model.Subtasks.Single(s => s.Label == "bench/s1");
        Assert.Equal((2, 1, 2), (s1.Items, s1.Passed, s1.PassAtK));
        var s2 = model.Subtasks.Single(s => s.Label == "bench/s2");
        Assert.Equal((2, 1, 1), (s2.Items, s2.Passed, s2.PassAtK));
        Assert.Contains("<th>passed (majority of 3)</th><th>pass@3</th>", html);
        Assert.Contains("<tr><td>bench/s1</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num passk\">2</td></tr>", html);
        Assert.Contains("<tr><td>bench/s2</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num passk\">1</td></tr>", html);
        Assert.Contains("<th>repeats passed</th>", html);
        Assert.Contains("<td class=\"num repeats\">1/3 (pass@3)</td>", html);
        Assert.Contains("<td class=\"num repeats\">0/3</td>", html);
    }
}
