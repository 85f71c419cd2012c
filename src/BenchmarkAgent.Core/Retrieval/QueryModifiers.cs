using System.Text.RegularExpressions;

namespace BenchmarkAgent.Retrieval;

/// <summary>
/// Detects query modifiers: phrases that ask for a property of the items rather than a skill ("with distractors",
/// "noisy, with typos", "as multiple choice", "answer in JSON", "with fresh numbers"), each mapped to the transformation
/// that implements it. Pure; the order of the result is the order of <see cref="Names"/>.
/// </summary>
internal static partial class QueryModifiers
{
    /// <summary>Irrelevant sentences or facts mixed into the context.</summary>
    public const string IrrelevantContext = "irrelevant-context";

    /// <summary>Typos and other surface noise in the question.</summary>
    public const string SurfaceNoise = "surface-noise";

    /// <summary>Answer options to choose from.</summary>
    public const string MultipleChoice = "multiple-choice";

    /// <summary>An exact answer format the model must follow.</summary>
    public const string AnswerFormat = "answer-format";

    /// <summary>Fresh numbers instead of memorisable ones.</summary>
    public const string FreshNumbers = "fresh-numbers";

    /// <summary>Every modifier, in detection order.</summary>
    public static IReadOnlyList<string> Names { get; } = [IrrelevantContext, SurfaceNoise, MultipleChoice, AnswerFormat, FreshNumbers];

    /// <summary>The transformation that implements <paramref name="modifier"/>.</summary>
    public static string TransformationOf(string modifier) => modifier switch
    {
        IrrelevantContext => "irrelevant-context-injection",
        SurfaceNoise => "surface-noise",
        MultipleChoice => "open-to-multiple-choice",
        AnswerFormat => "answer-format-constraint",
        FreshNumbers => "numeric-retemplating",
        _ => throw new ArgumentOutOfRangeException(nameof(modifier), modifier, "Unknown query modifier."),
    };

    /// <summary>The modifiers <paramref name="query"/> asks for, each once.</summary>
    public static IReadOnlyList<QueryModifier> Detect(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string text = query.ToLowerInvariant();
        var found = new List<QueryModifier>();
        foreach (string name in Names)
        {
            var match = PatternOf(name).Match(text);
            if (match.Success)
            {
                found.Add(new QueryModifier(name, TransformationOf(name), match.Value));
            }
        }

        return found;
    }

    /// <summary>
    /// <paramref name="query"/> without the phrases that asked for modifiers: they describe the form of the items, not
    /// the skill, so they must not pull in families ("multiple choice" is no evidence for least common multiples).
    /// </summary>
    public static string Strip(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string text = query.ToLowerInvariant();
        foreach (string name in Names)
        {
            text = PatternOf(name).Replace(text, " ");
        }

        return text;
    }

    private static Regex PatternOf(string modifier) => modifier switch
    {
        IrrelevantContext => Irrelevant(),
        SurfaceNoise => Noise(),
        MultipleChoice => Choice(),
        AnswerFormat => Format(),
        _ => Fresh(),
    };

    [GeneratedRegex(@"\b(?:irrelevant|extraneous|unrelated|distracting|superfluous|red[- ]herring|decoy)\b[\w\s-]{0,20}?\b(?:facts?|details?|sentences?|information|info|context|statements?|premises?|numbers?)\b|\bdistractors?\b|\bdistracting\b|\bred[- ]herrings?\b")]
    private static partial Regex Irrelevant();

    [GeneratedRegex(@"\b(?:typos?|typing errors?|misspell\w*|spelling (?:errors?|mistakes?)|noisy|(?:surface|input|character) noise|perturbed (?:text|wording|input))\b")]
    private static partial Regex Noise();

    [GeneratedRegex(@"\b(?:multiple[- ]choice|multi[- ]choice|mcq?s?|(?:four|4|several|answer) (?:options|choices)|pick (?:one|the right) (?:of|from)|choose (?:from|between|among))\b")]
    private static partial Regex Choice();

    [GeneratedRegex(@"\b(?:answers? (?:in|as|with) (?:a |an |the )?(?:exact |strict |fixed |given |specific |required )?(?:format|json|yaml|xml|tag|brackets?|template)|(?:answer|output|response) format|formatted answers?|in a (?:fixed|strict|given|specific|required) format|respond in json)\b")]
    private static partial Regex Format();

    [GeneratedRegex(@"\b(?:fresh|new|changed|perturbed|different|unseen|randomi[sz]ed) numbers\b|\bretemplat\w*|\bcontamination\b")]
    private static partial Regex Fresh();
}
