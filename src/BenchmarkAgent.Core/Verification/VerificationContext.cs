namespace BenchmarkAgent.Verification;

/// <summary>What verifiers may know about a benchmark under construction: the prompts accepted so far.</summary>
internal sealed class VerificationContext
{
    private readonly HashSet<string> _promptKeys = new(StringComparer.Ordinal);

    /// <summary>True when a prompt with the same normalised text was already accepted.</summary>
    public bool ContainsPrompt(string prompt) => _promptKeys.Contains(NormalizePrompt(prompt));

    /// <summary>Records an accepted prompt.</summary>
    public void AddPrompt(string prompt) => _promptKeys.Add(NormalizePrompt(prompt));

    /// <summary>The key under which near-identical prompts (case, spacing) collide.</summary>
    public static string NormalizePrompt(string prompt) =>
        string.Join(' ', prompt.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
