namespace BenchmarkAgent.Families;

/// <summary>
/// A family known by its card only: what the MSBuild process plans with for the media families, whose renderers
/// (SkiaSharp) run only in the generator program (ADR 0005). It cannot generate, and its checker fails closed, so an
/// edited media item is never waved through by a process that cannot look at its pixels.
/// </summary>
internal sealed class CardOnlyFamily : ITaskFamily
{
    /// <summary>Creates the stand-in of the family described by <paramref name="card"/>.</summary>
    public CardOnlyFamily(TaskFamilyCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card;
    }

    /// <inheritdoc />
    public TaskFamilyCard Card { get; }

    /// <summary>The built-in text families followed by stand-ins of the media families this machine offers.</summary>
    /// <param name="pathVariable">The <c>PATH</c> to look for espeak-ng in (spoken digits are offered only where it is).</param>
    public static IReadOnlyList<ITaskFamily> WithMediaCards(string? pathVariable) =>
        [.. BuiltInTaskFamilies.All, .. MediaFamilyCards.Offered(Media.SpeechSynthesizer.Locate(pathVariable) is not null).Select(c => new CardOnlyFamily(c))];

    /// <inheritdoc />
    /// <exception cref="FamilyUnavailableException">Always: the family renders media, which only the generator program does.</exception>
    public FamilySample Generate(ulong seed, Difficulty difficulty) =>
        throw new FamilyUnavailableException(Card.Id);

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample) =>
        CheckResult.Fail($"the {Card.Id} checker reads the item's {string.Join("/", Card.MediaKinds).ToLowerInvariant()} and runs only in the generator program; exclude the item (\"excluded\": true) or regenerate it instead of editing a media item by hand");
}
