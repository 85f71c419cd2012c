using BenchmarkAgent.Execution;
using BenchmarkAgent.Testing.Scoring;
using BenchmarkAgent.Testing.Subjects;
using Microsoft.Extensions.AI;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Tests.Subjects;

public sealed class RandomGuessSubjectTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<ChatResponse> AskAsync(IChatClient subject, BenchmarkItem item) =>
        await subject.GetResponseAsync(BenchmarkPrompt.CreateMessages(item), BenchmarkPrompt.CreateOptions(item), Token);

    private static BenchmarkItem ChoiceItem(int i) =>
        TestItems.Item(ExpectedAnswer.Choice(i % 4), ["a", "b", "c", "d"], id: $"{i:x10}");

    [Fact]
    public async Task Is_deterministic_per_seed_and_item()
    {
        using var first = new RandomGuessSubject(seed: 11);
        using var second = new RandomGuessSubject(seed: 11);
        var items = Enumerable.Range(0, 50).Select(ChoiceItem).ToList();

        var a = new List<string>();
        var b = new List<string>();
        foreach (var item in items)
        {
            a.Add((await AskAsync(first, item)).Text);
            b.Add((await AskAsync(second, item)).Text);
        }

        Assert.Equal(a, b);
        Assert.Equal((await AskAsync(first, items[3])).Text, a[3]);
    }

    [Fact]
    public void Different_seeds_give_different_guesses()
    {
        var contexts = Enumerable.Range(0, 50).Select(i => SubjectItemContext.From(ChoiceItem(i))).ToList();
        var a = contexts.Select(new RandomGuessSubject(1).Guess).ToList();
        var b = contexts.Select(new RandomGuessSubject(2).Guess).ToList();

        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Response_is_labelled_as_the_baseline()
    {
        using var subject = new RandomGuessSubject();
        var response = await AskAsync(subject, ChoiceItem(0));

        Assert.Equal("baseline/random-guess", response.ModelId);
        Assert.Equal(ChatRole.Assistant, response.Messages.Single().Role);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        var metadata = subject.GetService<ChatClientMetadata>();
        Assert.Equal("baseline/random-guess", metadata?.DefaultModelId);
        Assert.Same(subject, subject.GetService<RandomGuessSubject>());
        Assert.Null(subject.GetService<RandomGuessSubject>("key"));
    }

    [Fact]
    public async Task Answer_format_matches_the_answer_type()
    {
        using var subject = new RandomGuessSubject(3);
        for (int i = 0; i < 100; i++)
        {
            string id = $"{i:x10}";
            var choice = Scorers.Choice.Score(TestItems.Item(ExpectedAnswer.Choice(0), ["p", "q", "r"], id), (await AskAsync(subject, TestItems.Item(ExpectedAnswer.Choice(0), ["p", "q", "r"], id))).Text);
            Assert.Contains(choice.Extracted, new[] { "A", "B", "C" });

            var numberItem = TestItems.Item(ExpectedAnswer.Number(5), id: id);
            var number = NumericScorer.Extract((await AskAsync(subject, numberItem)).Text);
            Assert.NotNull(number);
            Assert.InRange(number.Value, 0, RandomGuessSubject.MaxNumberGuess);
            Assert.Equal(decimal.Truncate(number.Value), number.Value);

            var textItem = TestItems.Item(ExpectedAnswer.Text("x"), id: id);
            string text = (await AskAsync(subject, textItem)).Text;
            Assert.Matches("^Answer: [a-z]+$", text);
        }
    }

    [Fact]
    public async Task Hit_rate_on_four_option_items_is_near_chance()
    {
        using var subject = new RandomGuessSubject(seed: 2024);
        int hits = 0;
        const int count = 1000;
        for (int i = 0; i < count; i++)
        {
            var item = ChoiceItem(i);
            var response = await AskAsync(subject, item);
            if (Scorers.For(item.Answer.Type).Score(item, response.Text).Passed)
            {
                hits++;
            }
        }

        double rate = hits / (double)count;
        Assert.InRange(rate, 0.18, 0.32);
    }

    [Fact]
    public async Task Streaming_gives_the_same_guess()
    {
        using var subject = new RandomGuessSubject(5);
        var item = ChoiceItem(9);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in subject.GetStreamingResponseAsync(BenchmarkPrompt.CreateMessages(item), BenchmarkPrompt.CreateOptions(item), Token))
        {
            updates.Add(update);
        }

        Assert.Equal((await AskAsync(subject, item)).Text, string.Concat(updates.Select(u => u.Text)));
        Assert.All(updates, u => Assert.Equal(RandomGuessSubject.ModelId, u.ModelId));
    }

    [Fact]
    public async Task Accepts_a_whole_item_in_the_options_but_needs_some_context()
    {
        using var subject = new RandomGuessSubject(5);
        var item = ChoiceItem(9);
        var viaItem = new ChatOptions { AdditionalProperties = new() { [SubjectItemContext.PropertyKey] = item } };

        var response = await subject.GetResponseAsync("q", viaItem, Token);

        Assert.Equal((await AskAsync(subject, item)).Text, response.Text);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => subject.GetResponseAsync("q", null, Token));
        Assert.Contains("BenchmarkPrompt.CreateOptions", error.Message);
    }

    [Fact]
    public void Context_carries_no_answer()
    {
        var context = SubjectItemContext.From(TestItems.Choice('C', "x", "y", "z"));

        Assert.Equal(new SubjectItemContext("0123456789", AnswerType.Choice, 3), context);
        Assert.DoesNotContain(typeof(SubjectItemContext).GetProperties(), p => p.PropertyType == typeof(ExpectedAnswer));
    }
}
