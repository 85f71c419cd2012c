namespace BenchmarkAgent.Snapshots;

/// <summary>The lowercase names enums have in snapshot files (stable: renaming an enum member must not change files).</summary>
internal static class SnapshotNames
{
    /// <summary>The name of a difficulty, or <c>mixed</c>.</summary>
    public static string Difficulty(Difficulty? difficulty) => difficulty switch
    {
        null => "mixed",
        BenchmarkAgent.Difficulty.Easy => "easy",
        BenchmarkAgent.Difficulty.Medium => "medium",
        BenchmarkAgent.Difficulty.Hard => "hard",
        _ => throw new ArgumentOutOfRangeException(nameof(difficulty)),
    };

    /// <summary>Parses a difficulty name; <c>mixed</c> is <see langword="null"/>.</summary>
    public static bool TryParseDifficulty(string? text, out Difficulty? difficulty)
    {
        difficulty = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "mixed": return true;
            case "easy": difficulty = BenchmarkAgent.Difficulty.Easy; return true;
            case "medium": difficulty = BenchmarkAgent.Difficulty.Medium; return true;
            case "hard": difficulty = BenchmarkAgent.Difficulty.Hard; return true;
            default: return false;
        }
    }

    /// <summary>The name of an answer type.</summary>
    public static string AnswerType(AnswerType type) => type switch
    {
        BenchmarkAgent.AnswerType.Number => "number",
        BenchmarkAgent.AnswerType.Choice => "choice",
        BenchmarkAgent.AnswerType.ShortText => "text",
        BenchmarkAgent.AnswerType.Constraint => "constraint",
        BenchmarkAgent.AnswerType.Pattern => "pattern",
        BenchmarkAgent.AnswerType.FreeText => "freetext",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Parses an answer type name.</summary>
    public static bool TryParseAnswerType(string? text, out AnswerType type)
    {
        switch (text)
        {
            case "number": type = BenchmarkAgent.AnswerType.Number; return true;
            case "choice": type = BenchmarkAgent.AnswerType.Choice; return true;
            case "text": type = BenchmarkAgent.AnswerType.ShortText; return true;
            case "constraint": type = BenchmarkAgent.AnswerType.Constraint; return true;
            case "pattern": type = BenchmarkAgent.AnswerType.Pattern; return true;
            case "freetext": type = BenchmarkAgent.AnswerType.FreeText; return true;
            default: type = default; return false;
        }
    }
}
