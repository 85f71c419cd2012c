using System.Reflection;
using System.Text;

namespace BenchmarkAgent.Generation.Prompts;

/// <summary>
/// The stage prompts of the LLM backbone: readable Markdown files embedded in this assembly (<c>Prompts/*.md</c>), one
/// per stage, used as the system message of that stage's calls. Their <see cref="Hash"/> is part of the input
/// fingerprint, so editing a prompt makes every LLM-generated snapshot stale.
/// </summary>
internal static class PromptSet
{
    /// <summary>The stages, in pipeline order; each has the prompt <c>Prompts/&lt;stage&gt;.md</c>.</summary>
    public static IReadOnlyList<string> Stages { get; } =
    [
        PromptStage.Scope,
        PromptStage.Design,
        PromptStage.Grounding,
        PromptStage.Allocation,
        PromptStage.Brief,
        PromptStage.Draft,
        PromptStage.Inspect,
        PromptStage.Rate,
    ];

    private static readonly IReadOnlyDictionary<string, string> Texts = Load();

    /// <summary>16 hex digits of SHA-256 over every stage name and prompt text, in <see cref="Stages"/> order.</summary>
    public static string Hash { get; } = StableHash.Hex(16, [.. Stages.SelectMany(s => new object[] { s, Texts[s] })]);

    /// <summary>The prompt of <paramref name="stage"/> (line endings normalised to <c>\n</c>).</summary>
    /// <exception cref="ArgumentException">There is no such stage.</exception>
    public static string Text(string stage) =>
        Texts.TryGetValue(stage, out var text) ? text : throw new ArgumentException($"There is no prompt for the stage '{stage}'.", nameof(stage));

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(PromptSet).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string stage in Stages)
        {
            using var stream = assembly.GetManifestResourceStream($"Prompts/{stage}.md")
                ?? throw new InvalidOperationException($"The prompt resource 'Prompts/{stage}.md' is missing from {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            texts[stage] = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
        }

        return texts;
    }
}
