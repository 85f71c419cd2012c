using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Tests.Evaluation;

/// <summary>A project's own evaluator with one metric of each kind; remembers what each call was given.</summary>
public sealed class ResponseFactsEvaluator : IEvaluator
{
    public const string Words = "Words";
    public const string MentionsReference = "Mentions reference";
    public const string FirstWord = "First word";

    public ConcurrentQueue<(ChatConfiguration? Judge, IReadOnlyList<EvaluationContext> Context, string Question)> Calls { get; } = new();

    public IReadOnlyCollection<string> EvaluationMetricNames => [Words, MentionsReference, FirstWord];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var context = (additionalContext ?? []).ToList();
        Calls.Enqueue((chatConfiguration, context, messages.Last(m => m.Role == ChatRole.User).Text));
        string[] words = modelResponse.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string reference = context.OfType<Testing.Evaluation.ReferenceAnswerContext>().Single().ReferenceAnswer;
        bool mentions = modelResponse.Text.Contains(reference, StringComparison.OrdinalIgnoreCase);
        return new(new EvaluationResult(
            new NumericMetric(Words, words.Length, "counted words") { Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Good) },
            new BooleanMetric(MentionsReference, mentions) { Interpretation = new EvaluationMetricInterpretation(mentions ? EvaluationRating.Good : EvaluationRating.Poor, failed: !mentions) },
            new StringMetric(FirstWord, words.FirstOrDefault() ?? string.Empty)));
    }
}

/// <summary>A project evaluator whose every call throws.</summary>
public sealed class ThrowingEvaluator : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => ["Tokenizer score"];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("the tokenizer file is missing");
}

/// <summary>Creates an evaluator that needs a constructor argument.</summary>
public sealed class LengthEvaluatorFactory : IBenchmarkEvaluatorFactory
{
    public IEnumerable<IEvaluator> CreateEvaluators() => [new LengthEvaluator(10)];
}

/// <summary>Whether the response is at most a given number of characters.</summary>
public sealed class LengthEvaluator(int maxLength) : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => ["Short enough"];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default) =>
        new(new EvaluationResult(new BooleanMetric("Short enough", modelResponse.Text.Length <= maxLength)));
}

/// <summary>Advertises no metric.</summary>
public sealed class NamelessEvaluator : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => [];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default) => new(new EvaluationResult());
}

/// <summary>Returns a metric the rubric judge already returns.</summary>
public sealed class RelevanceClashEvaluator : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => ["Relevance"];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default) => new(new EvaluationResult(new NumericMetric("Relevance", 5)));
}

/// <summary>Its constructor fails.</summary>
public sealed class BrokenConstructorEvaluator : IEvaluator
{
    public BrokenConstructorEvaluator() => throw new InvalidOperationException("no model file");

    public IReadOnlyCollection<string> EvaluationMetricNames => ["Broken"];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default) => new(new EvaluationResult());
}

/// <summary>Returns, besides its own metric, an Equivalence it does not advertise (which would pass any free-text item).</summary>
public sealed class UnadvertisedEquivalenceEvaluator : IEvaluator
{
    public IReadOnlyCollection<string> EvaluationMetricNames => ["Own"];

    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default) =>
        new(new EvaluationResult(
            new NumericMetric("Own", 1),
            new NumericMetric("Equivalence", 5) { Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Exceptional) }));
}
