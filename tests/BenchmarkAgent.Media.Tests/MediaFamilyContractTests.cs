using BenchmarkAgent.Families;
using BenchmarkAgent.Media;

namespace BenchmarkAgent.Media.Tests;

public sealed class MediaFamilyContractTests
{
    private const int SeedsPerLevel = 100;

    [Theory]
    [MemberData(nameof(MediaFamilyData.FamilyIds), MemberType = typeof(MediaFamilyData))]
    public void Checker_agrees_over_many_seeds_at_every_level_and_items_rarely_repeat(string id)
    {
        var family = MediaFamilyData.Get(id);
        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var answers = new HashSet<string>(StringComparer.Ordinal);
            int duplicates = 0;
            for (ulong seed = 0; seed < SeedsPerLevel; seed++)
            {
                var sample = family.Generate((seed * 7919) + 3, difficulty);
                var check = family.Check(sample);
                Assert.True(check.Agrees, $"{id}/{difficulty}/seed {seed}: {check.Detail}\n{sample.Prompt}\nstored: {sample.Answer.Value}");
                Assert.Equal(family.Card.AnswerType, sample.Answer.Type);
                Assert.NotEmpty(sample.Media);
                Assert.All(sample.Media, m => Assert.Contains(m.Kind, family.Card.MediaKinds));
                Assert.All(sample.Media, m => Assert.InRange(m.Bytes.Length, 200, 400_000));
                Assert.Matches(@"Answer (with|in) ", sample.Prompt);
                Assert.Contains(family.Card.MediaKinds[0] == MediaKind.Image ? "image" : "audio", sample.Prompt, StringComparison.Ordinal);
                answers.Add(sample.Answer.Value);
                if (!keys.Add(MediaFamilyData.Key(sample)))
                {
                    duplicates++;
                }
            }

            Assert.True(duplicates <= SeedsPerLevel / 50, $"{id}/{difficulty}: {duplicates} repeated items in {SeedsPerLevel}");
            Assert.True(answers.Count >= 2, $"{id}/{difficulty}: only {answers.Count} distinct answers");
        }
    }

    [Theory]
    [MemberData(nameof(MediaFamilyData.FamilyIds), MemberType = typeof(MediaFamilyData))]
    public void Same_seed_gives_byte_identical_media_and_other_seeds_differ(string id)
    {
        var family = MediaFamilyData.Get(id);
        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            int different = 0;
            for (ulong seed = 1; seed <= 20; seed++)
            {
                var first = family.Generate(seed, difficulty);
                var again = family.Generate(seed, difficulty);
                Assert.Equal(first.Prompt, again.Prompt);
                Assert.Equal(first.Answer, again.Answer);
                Assert.Equal(first.Media.Count, again.Media.Count);
                for (int i = 0; i < first.Media.Count; i++)
                {
                    Assert.True(first.Media[i].Bytes.Span.SequenceEqual(again.Media[i].Bytes.Span), $"{id}/{difficulty}/seed {seed}: media {i} differs between two renderings");
                    Assert.Equal(first.Media[i].MediaType, again.Media[i].MediaType);
                }

                if (family.Generate(seed + 1000, difficulty).Media[0].Sha256 != first.Media[0].Sha256)
                {
                    different++;
                }
            }

            Assert.True(different >= 19, $"{id}/{difficulty}: only {different} of 20 seed pairs render different media");
        }
    }

    [Theory]
    [MemberData(nameof(MediaFamilyData.FamilyIds), MemberType = typeof(MediaFamilyData))]
    public void Checker_rejects_a_changed_answer(string id)
    {
        var family = MediaFamilyData.Get(id);
        int rejected = 0;
        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            for (ulong seed = 0; seed < 20; seed++)
            {
                var a = family.Generate(seed, difficulty);
                var b = family.Generate(seed + 500, difficulty);
                if (a.Answer.Value == b.Answer.Value)
                {
                    continue;
                }

                Assert.False(family.Check(a with { Answer = b.Answer }).Agrees, $"{id}/{difficulty}: checker accepted {b.Answer.Value} for an item whose answer is {a.Answer.Value}");
                rejected++;
            }
        }

        Assert.True(rejected >= 20, $"{id}: only {rejected} changed answers to reject");
    }

    [Theory]
    [MemberData(nameof(MediaFamilyData.FamilyIds), MemberType = typeof(MediaFamilyData))]
    public void Checker_rejects_media_swapped_in_from_another_item(string id)
    {
        var family = MediaFamilyData.Get(id);
        int rejected = 0, tried = 0;
        for (ulong seed = 0; seed < 30; seed++)
        {
            var a = family.Generate(seed, Difficulty.Medium);
            var b = family.Generate(seed + 777, Difficulty.Medium);
            tried++;
            if (!family.Check(a with { Media = b.Media }).Agrees)
            {
                rejected++;
            }
        }

        // A choice item has few options, so another item's media leads to the same letter by chance (1 in 2 to 1 in 4);
        // number and text items almost never agree by chance.
        double expected = family.Card.AnswerType == AnswerType.Choice ? 0.6 : 0.8;
        Assert.True(rejected >= tried * expected, $"{id}: only {rejected} of {tried} swapped media rejected");
    }

    [Fact]
    public void Every_media_family_returns_exactly_its_card_from_core_and_the_lists_agree()
    {
        var withSpeech = MediaTaskFamilies.Create("/usr/bin" + Path.PathSeparator + "/bin");
        var withoutSpeech = MediaTaskFamilies.Create(Path.GetTempPath());
        Assert.Equal(MediaFamilyCards.Offered(speechInstalled: false).Select(c => c.Id), withoutSpeech.Families.Select(f => f.Card.Id));
        Assert.Equal(ErrorCodes.SpeechSynthesizerMissing, Assert.Single(withoutSpeech.Warnings).Code);
        Assert.DoesNotContain(withoutSpeech.Families, f => f.Card.Id == MediaFamilyCards.Spoken.Id);
        if (SpeechSynthesizer.Locate("/usr/bin") is not null)
        {
            Assert.Equal(MediaFamilyCards.All.Select(c => c.Id), withSpeech.Families.Select(f => f.Card.Id));
            Assert.Empty(withSpeech.Warnings);
        }

        foreach (var family in withSpeech.Families)
        {
            var card = MediaFamilyCards.All.Single(c => c.Id == family.Card.Id);
            Assert.Same(card, family.Card);
            Assert.NotEmpty(card.MediaKinds);
        }
    }
}
