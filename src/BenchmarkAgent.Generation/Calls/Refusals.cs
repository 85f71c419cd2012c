namespace BenchmarkAgent.Generation.Calls;

/// <summary>
/// Recognises a model's refusal ("I can't help with that"). Applied only to replies that hold no readable JSON, so a
/// sample that quotes a refusal (a safety benchmark) is not mistaken for one.
/// </summary>
internal static class Refusals
{
    private static readonly string[] Phrases =
    [
        "i can't help", "i cannot help", "i can’t help", "i can't assist", "i cannot assist", "i can’t assist",
        "i'm sorry, but", "i’m sorry, but", "i am sorry, but", "i'm unable to", "i am unable to", "i’m unable to",
        "i won't be able", "i will not be able", "cannot comply", "can't comply", "i must decline", "i can't provide",
        "i cannot provide",
    ];

    /// <summary>True when the start of <paramref name="text"/> reads as a refusal.</summary>
    public static bool IsRefusal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string head = text.Trim().ToLowerInvariant();
        head = head.Length > 300 ? head[..300] : head;
        return Phrases.Any(p => head.Contains(p, StringComparison.Ordinal));
    }
}
