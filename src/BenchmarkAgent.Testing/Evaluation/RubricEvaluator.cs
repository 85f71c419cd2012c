using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace BenchmarkAgent.Testing.Evaluation;

/// <summary>
/// The LLM rubric, a Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/>: asks the judge for 1-5 scores with
/// reasons on relevance, coherence, fluency, groundedness (only with a <see cref="GroundingPassageContext"/>),
/// equivalence and completeness (only with a <see cref="ReferenceAnswerContext"/>), all in one call whose reply follows a JSON
/// schema (<see cref="JudgeReplySchema"/>). Each score is a <see cref="NumericMetric"/> whose interpretation rates it (5 Exceptional ... 1 Unacceptable)
/// and fails it below 4. An unreadable reply gives failed, inconclusive metrics with diagnostics; a failed call (after
/// the client's retries) throws, so the item fails closed.
/// </summary>
/// <param name="metrics">The metrics to ask for; <see langword="null"/> for <see cref="RubricMetric.All"/>.</param>
internal sealed class RubricEvaluator(IReadOnlyList<RubricMetric>? metrics = null) : IEvaluator
{
    private readonly IReadOnlyList<RubricMetric> _metrics = metrics ?? RubricMetric.All;

    /// <summary>
    /// The inputs the judge accepts besides text: the question's images and audio of those kinds are sent with the
    /// judge's request; the others are withheld and every metric notes it (<see cref="ErrorCodes.JudgeDidNotSeeMedia"/>).
    /// </summary>
    public InputModalities JudgeModalities { get; init; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames => _metrics.Select(m => m.Name).ToList();

    /// <summary>The options of a judge call: temperature 0 and a reply in the JSON schema of the asked metrics.</summary>
    /// <param name="metrics">The metrics asked for.</param>
    /// <returns>New options.</returns>
    public static ChatOptions JudgeOptions(IReadOnlyList<RubricMetric> metrics) => new() { Temperature = 0, ResponseFormat = JudgeReplySchema.For(metrics) };

    private bool Accepts(DataContent media) =>
        (media.HasTopLevelMediaType("image") && (JudgeModalities & InputModalities.Image) != 0) ||
        (media.HasTopLevelMediaType("audio") && (JudgeModalities & InputModalities.Audio) != 0);

    /// <inheritdoc />
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(modelResponse);
        if (chatConfiguration is null)
        {
            throw new ArgumentNullException(nameof(chatConfiguration), "The rubric evaluator needs a judge: pass a ChatConfiguration with the judge's IChatClient.");
        }

        var contexts = (additionalContext ?? []).ToList();
        var applicable = _metrics.Where(m => m.Needs is null || contexts.Any(c => m.Needs.IsInstanceOfType(c))).ToList();
        if (applicable.Count == 0)
        {
            return new EvaluationResult();
        }

        var user = messages.LastOrDefault(m => m.Role == ChatRole.User);
        string question = user?.Text ?? string.Empty;
        var media = user?.Contents.OfType<DataContent>().ToList() ?? [];
        var seen = media.Where(m => Accepts(m)).ToList<AIContent>();
        var withheld = media.Where(m => !Accepts(m)).ToList();
        var prompt = JudgePrompt.Create(question, modelResponse.Text, applicable, contexts, seen);
        var reply = await chatConfiguration.ChatClient.GetResponseAsync(prompt, JudgeOptions(applicable), cancellationToken).ConfigureAwait(false);
        var result = new EvaluationResult(JudgeReplyParser.Parse(reply.Text, applicable));
        JudgeMetadata.Record(result, reply);
        if (withheld.Count > 0)
        {
            // The judgement records that the judge rated without the media, so a reader knows what it is worth.
            string kinds = string.Join(" and ", withheld.Select(m => m.HasTopLevelMediaType("image") ? "image" : "audio").Distinct());
            var note = EvaluationDiagnostic.Informational(
                $"{ErrorCodes.JudgeDidNotSeeMedia}: the judge rated without the item's {kinds} ({withheld.Count} file(s)), because it does not declare that modality; set BENCHAGENT_JUDGE_MODALITIES=text,{(kinds.Contains("image", StringComparison.Ordinal) ? "image" : "audio")} if the judge model accepts it.");
            foreach (var metric in result.Metrics.Values)
            {
                metric.AddDiagnostics(note);
            }
        }

        return result;
    }
}
