using BenchmarkAgent.Core.Tests.Media;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

namespace BenchmarkAgent.Core.Tests.Planning;

/// <summary>
/// The media rule of the offline planner over an injected catalog (the built-in text families plus the test-only image
/// family): a media query plans only subtasks that carry its modality, a text query never plans a media family, and a
/// modality nothing carries is BA0310 naming it, never text items in its place.
/// </summary>
public sealed class MediaPlanningTests
{
    private static OfflinePlanner Planner() => new(new FamilyCatalog([new FakeImageFamily(), .. BuiltInTaskFamilies.All]));

    private static BenchmarkPlan Plan(string query, int quota = 6) => Planner().Plan(new BenchmarkRequest("m", query, quota, 3));

    [Theory]
    [InlineData("Read values off bar chart images")]
    [InlineData("questions about a picture of a bar chart")]
    [InlineData("Visual chart reading: how wide is each bar in the diagram?")]
    [InlineData("Can the model read a bar from a screenshot of a chart?")]
    [InlineData("PHOTOS of charts, read the bars")]
    [InlineData("chart-reading from images (bar width)")]
    [InlineData("Look at the figure and read the bar chart")]
    public void Media_queries_in_varied_words_plan_only_subtasks_that_carry_images(string query)
    {
        var plan = Plan(query);

        Assert.NotEmpty(plan.Subtasks);
        Assert.All(plan.Subtasks, s => Assert.Equal(new FamilySource("pixel-width"), s.Source));
        Assert.Contains(plan.Decisions, d => d.StartsWith("modality: image", StringComparison.Ordinal));
        Assert.Equal(6, plan.Subtasks.Sum(s => s.Quota));
    }

    [Theory]
    [InlineData("multi-step arithmetic word problems")]
    [InlineData("figure out the greatest common divisor of two numbers")]
    [InlineData("parts of speech are not tested here: sort a list of numbers")]
    [InlineData("syllogisms with sound reasoning")]
    [InlineData("shortest path in a weighted graph")]
    [InlineData("rewrite sentences in the passive voice? no: convert units of length")]
    public void A_text_query_never_plans_a_media_family_and_records_no_modality(string query)
    {
        var plan = Planner().Plan(new BenchmarkRequest("t", query, 6, 3) { AllowWeakMatch = true });

        Assert.NotEmpty(plan.Subtasks);
        Assert.DoesNotContain(plan.Subtasks, s => s.Source == new FamilySource("pixel-width"));
        Assert.DoesNotContain(plan.Decisions, d => d.StartsWith("modality:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_query_plans_the_same_as_without_media_families_in_the_catalog()
    {
        var request = new BenchmarkRequest("t", "multi-step arithmetic and unit conversion", 9, 5);
        var withMedia = Planner().Plan(request);
        var textOnly = new OfflinePlanner(new FamilyCatalog(BuiltInTaskFamilies.All)).Plan(request);

        Assert.Equal(
            SnapshotWriter.PlanBytes(new BenchmarkSnapshot(textOnly, [], "sha256:x", [])),
            SnapshotWriter.PlanBytes(new BenchmarkSnapshot(withMedia, [], "sha256:x", [])));
    }

    [Theory]
    [InlineData("Spoken digit recognition from audio clips")]
    [InlineData("count the beeps in each recording")]
    [InlineData("listening comprehension of a short voice message")]
    [InlineData("transcribe speech")]
    public void An_audio_query_with_only_image_candidates_is_BA0310_naming_audio(string query)
    {
        var ex = Assert.Throws<UncoveredQueryException>(() => Plan(query));

        Assert.Equal(ErrorCodes.QueryNotCovered, ex.Code);
        Assert.Contains("asks for audio items", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never substitutes text items for audio items", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_query_without_any_media_family_is_BA0310_naming_image_even_with_weak_matches_allowed()
    {
        var planner = new OfflinePlanner(new FamilyCatalog(BuiltInTaskFamilies.All));

        var ex = Assert.Throws<UncoveredQueryException>(() => planner.Plan(new BenchmarkRequest("c", "read the values in a table rendered as an image", 5) { AllowWeakMatch = true }));

        Assert.Contains("asks for image items (query words: image, rendered)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_and_audio_query_needs_both_kinds()
    {
        var ex = Assert.Throws<UncoveredQueryException>(() => Plan("charts in images and spoken questions about them"));

        Assert.Contains("audio", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_media_dataset_grounds_a_media_query_and_a_text_dataset_is_left_out_of_it()
    {
        using var folder = new Grounding.TempFolder();
        string gb = DatasetMediaTests.GeneralBenchShapes(folder.Path, 8);
        string text = folder.Write("counts.jsonl", string.Concat(Enumerable.Range(0, 12).Select(i => $"{{\"question\": \"How many squares are in row {i}?\", \"choices\": [\"{i} squares\", \"{i + 1} squares\", \"{i + 2} squares\"], \"answer\": \"A\"}}\n")));
        var request = new BenchmarkRequest("shapes", "Shape counting: how many squares does each picture show?", 4, 2) { Datasets = [gb, text] };

        var plan = new OfflinePlanner(new FamilyCatalog(BuiltInTaskFamilies.All)).Plan(request);

        var subtask = Assert.Single(plan.Subtasks);
        Assert.IsType<DatasetSource>(subtask.Source);
        Assert.Equal([MediaKind.Image], plan.Datasets[subtask.Name].Card.MediaKinds);
        Assert.Contains(plan.Decisions, d => d.Contains("text datasets left out: counts", StringComparison.Ordinal));

        var snapshot = new SnapshotGenerator(BuiltInTaskFamilies.All).Generate(plan, "sha256:x", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(4, snapshot.Items.Count);
        Assert.All(snapshot.Items, i =>
        {
            var image = Assert.Single(i.Media);
            Assert.True(snapshot.MediaFiles.ContainsKey(image.Sha256));
            Assert.StartsWith("dataset:Shape-Counting#shape-", i.Provenance.Source.ToString(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("bar chart images", "image")]
    [InlineData("scatter plot questions", "image")]
    [InlineData("analogue clock face reading", "image")]
    [InlineData("count the pure tone beeps", "audio")]
    [InlineData("DTMF digits from a dial tone recording", "audio")]
    [InlineData("the plot of the story", null)]
    [InlineData("significant figures in measurements", null)]
    [InlineData("figure out the answer", null)]
    [InlineData("identify parts of speech", null)]
    [InlineData("the tone of the review", null)]
    [InlineData("look up the capital city", null)]
    [InlineData("a sales pitch summary", null)]
    [InlineData("Read values from a described bar chart and compare categories", null)]
    [InlineData("Interpret spoken smart-home commands transcribed with recognition errors", null)]
    [InlineData("a textual description of the diagram", null)]
    [InlineData("transcribe speech from the audio", "audio")]
    public void Modality_detection_reads_cues_and_ignores_lookalikes(string query, string? expected)
    {
        var found = QueryModality.Detect(query);

        Assert.Equal(expected is null ? [] : [expected], found.Select(f => QueryModality.Name(f.Kind)));
    }
}
