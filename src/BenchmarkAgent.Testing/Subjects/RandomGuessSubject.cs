using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Testing.Subjects;

/// <summary>
/// A BASELINE, not a model: a built-in <see cref="IChatClient"/> that answers every item with a seeded random guess
/// in the item's answer format (a random option letter, a small integer, or a word). It never sees the answer and
/// never reads the prompt, so its scores show the chance level of a benchmark. It is used only when explicitly
/// requested (<c>BENCHAGENT_SUBJECT_BASELINE=random-guess</c> or constructed in code), never as a default.
/// </summary>
/// <remarks>
/// The answer format comes from an <see cref="ISubjectItemContext"/> in
/// <see cref="ChatOptions.AdditionalProperties"/> under <see cref="SubjectItemContext.PropertyKey"/>
/// (see <see cref="BenchmarkPrompt.CreateOptions"/>). Guesses depend only on (seed, item id).
/// </remarks>
internal sealed class RandomGuessSubject : IChatClient
{
    /// <summary>The baseline's name, as used in <c>BENCHAGENT_SUBJECT_BASELINE</c>.</summary>
    public const string BaselineName = BenchmarkAgent.Models.ModelRoleSettingsReader.RandomGuessBaseline;

    /// <summary>The model id reported on every response.</summary>
    public const string ModelId = "baseline/random-guess";

    /// <summary>The largest number guessed for numeric items (guesses are 0 to this value).</summary>
    public const int MaxNumberGuess = 20;

    private static readonly string[] Words =
    [
        "yes", "no", "red", "blue", "apple", "river", "stone", "north", "seven", "paris",
        "water", "light", "table", "green", "house", "cat", "dog", "tree", "sun", "moon",
    ];

    private readonly ChatClientMetadata _metadata = new("benchagent-baseline", null, ModelId);

    /// <summary>Creates the baseline.</summary>
    /// <param name="seed">The seed; the same seed gives the same guess for the same item id.</param>
    public RandomGuessSubject(ulong seed = 0)
    {
        Seed = seed;
    }

    /// <summary>Gets the seed of the guesses.</summary>
    public ulong Seed { get; }

    /// <summary>Returns the guess for an item, e.g. <c>C</c>, <c>7</c> or <c>river</c>.</summary>
    /// <param name="context">The item's id and answer format.</param>
    /// <returns>The guess, deterministic per (seed, item id).</returns>
    public string Guess(ISubjectItemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var random = new DeterministicRandom(StableHash.Seed(BaselineName, Seed, context.ItemId));
        return context.AnswerType switch
        {
            AnswerType.Choice => ((char)('A' + random.Next(context.ChoiceCount > 0 ? Math.Min(context.ChoiceCount, 26) : 4))).ToString(),
            AnswerType.Number => random.Between(0, MaxNumberGuess).ToString(CultureInfo.InvariantCulture),
            _ => random.Pick(Words),
        };
    }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = RequireContext(options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, Text(context)))
        {
            ModelId = ModelId,
            ResponseId = ResponseId(context),
            FinishReason = ChatFinishReason.Stop,
        };
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = RequireContext(options);
        await Task.CompletedTask.ConfigureAwait(false);
        yield return new ChatResponseUpdate(ChatRole.Assistant, Text(context))
        {
            ModelId = ModelId,
            ResponseId = ResponseId(context),
            FinishReason = ChatFinishReason.Stop,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Does nothing: the baseline holds no resources.</summary>
    public void Dispose()
    {
    }

    private static ISubjectItemContext RequireContext(ChatOptions? options) =>
        SubjectItemContext.TryGet(options, out var context) && context is not null
            ? context
            : throw new InvalidOperationException(
                $"The {BaselineName} baseline needs the item's answer format: pass ChatOptions from BenchmarkPrompt.CreateOptions(item), " +
                $"or put an ISubjectItemContext in ChatOptions.AdditionalProperties[\"{SubjectItemContext.PropertyKey}\"].");

    private string Text(ISubjectItemContext context) => $"Answer: {Guess(context)}";

    private string ResponseId(ISubjectItemContext context) =>
        "baseline-" + StableHash.Hex(16, BaselineName, Seed, context.ItemId);
}
