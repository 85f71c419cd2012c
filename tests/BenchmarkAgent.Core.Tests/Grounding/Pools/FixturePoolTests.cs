using System.Text.Json;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Grounding.Pools;

public sealed class FixturePoolTests
{
    [Fact]
    public void Every_readable_fixture_dataset_gets_the_roles_of_its_shape()
    {
        using var folder = new TempFolder();
        var paths = FixturePool.Write(folder);
        var cards = paths.Where(p => !p.EndsWith(FixturePool.Unreadable, StringComparison.Ordinal)).Select(p => DatasetReader.Read(p).Card).ToDictionary(c => c.Name);

        Assert.Equal(8, cards.Count);
        Assert.Equal("options", cards["astronomy-quiz"].Roles[DatasetRole.Options]);
        Assert.Equal("input.options", cards["chemistry-exam"].Roles[DatasetRole.Options]);
        Assert.Equal("input.text", cards["chemistry-exam"].Roles[DatasetRole.Context]);
        Assert.Equal("output.answer", cards["chemistry-exam"].Roles[DatasetRole.Answer]);
        Assert.Equal("option1, option2", cards["geology-blanks"].Roles[DatasetRole.Options]);
        Assert.Equal(("input.prompt", "input.raw_text", "output.text"),
            (cards["council-summaries"].Roles[DatasetRole.Question], cards["council-summaries"].Roles[DatasetRole.Context], cards["council-summaries"].Roles[DatasetRole.Answer]));
        Assert.Equal("category", cards["news-sections"].Roles[DatasetRole.Answer]);
        Assert.Equal("category", cards["news-sections"].AnswerForm);
        Assert.Equal(("question", "context"), (cards["lighthouse-reading"].Roles[DatasetRole.Question], cards["lighthouse-reading"].Roles[DatasetRole.Context]));
        Assert.Equal(("dialog", "output.response"), (cards["restaurant-chat"].Roles[DatasetRole.Dialog], cards["restaurant-chat"].Roles[DatasetRole.Answer]));
        Assert.Equal(AnswerType.Number, cards["spider-counts"].AnswerType);
        Assert.All(FixturePool.MultipleChoice, name => Assert.Equal(AnswerType.Choice, cards[name].AnswerType));
        Assert.All(cards.Values, c => Assert.Equal(24, c.Size));
    }

    [Fact]
    public void A_query_that_fits_three_datasets_builds_to_quota_from_those_three_and_warns_about_the_unreadable_one()
    {
        using var folder = new TempFolder();
        var request = new BenchmarkRequest("mc", "Multiple-choice questions with options", 30) { Datasets = FixturePool.Write(folder) };

        var snapshot = new SnapshotGenerator().Generate(request, TestContext.Current.CancellationToken);

        Assert.Equal(30, snapshot.Items.Count);
        var sources = snapshot.Items.Select(i => Assert.IsType<DatasetSource>(i.Provenance.Source).Dataset).ToHashSet();
        Assert.Equal(FixturePool.MultipleChoice.Order(), sources.Order());
        var notice = Assert.Single(snapshot.Plan.Notices);
        Assert.Equal("BA0410", notice.Code);
        Assert.EndsWith(FixturePool.Unreadable, notice.File);
        Assert.Contains("UTF-16", notice.Message);
        Assert.Contains("BA0413", notice.Message);

        using var plan = JsonDocument.Parse(SnapshotWriter.PlanBytes(snapshot));
        var written = Assert.Single(plan.RootElement.GetProperty("notices").EnumerateArray());
        Assert.Equal(FixturePool.Unreadable, written.GetProperty("file").GetString());
    }

    [Fact]
    public void A_query_that_fits_no_dataset_and_no_family_fails_with_the_guidance_error()
    {
        using var folder = new TempFolder();
        var request = new BenchmarkRequest("none", "Translate medieval legal contracts into Klingon poetry", 20) { Datasets = FixturePool.Write(folder) };

        var error = Assert.Throws<UncoveredQueryException>(() => new SnapshotGenerator().Plan(request));

        Assert.Equal("BA0310", error.Code);
        Assert.Contains("configure a generator", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("register datasets", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("astronomy-quiz", error.Message);
    }

    [Fact]
    public void When_every_registered_dataset_is_unreadable_the_first_error_fails_the_plan()
    {
        using var folder = new TempFolder();
        FixturePool.Write(folder);
        var request = new BenchmarkRequest("bad", "Multiple-choice questions", 10) { Datasets = [Path.Combine(folder.Path, FixturePool.Unreadable)] };

        var error = Assert.Throws<DatasetFormatException>(() => new SnapshotGenerator().Plan(request));

        Assert.Equal("BA0413", error.Code);
    }
}
