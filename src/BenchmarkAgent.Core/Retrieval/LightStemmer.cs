namespace BenchmarkAgent.Retrieval;

/// <summary>
/// A light suffix stemmer for retrieval, a little stronger than <see cref="Planning.QueryTerms.Stem"/> (which keyword
/// phrase matching keeps using): it conflates the inflections and derivations users write interchangeably
/// ("extract" / "extraction", "convert" / "conversion", "format" / "formatting", "schedule" / "scheduled",
/// "deduction" / "deductive", "exact" / "exactly"). Deterministic; never shortens a word below three letters.
/// </summary>
internal static class LightStemmer
{
    /// <summary>The stem of one lowercase word.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string w = word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.Length >= 7 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = Undouble(w[..^3]);
        }
        else if (w.Length >= 6 && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal))
        {
            w = Undouble(w[..^2]);
        }

        w = Replace(w, "ation", "at") ?? Replace(w, "ction", "ct") ?? Replace(w, "rsion", "rt") ?? Replace(w, "ive", string.Empty) ?? Replace(w, "ly", string.Empty) ?? w;
        if (w.Length > 3 && w.EndsWith('e'))
        {
            w = w[..^1];
        }

        return w;
    }

    private static string? Replace(string word, string suffix, string replacement) =>
        word.Length >= suffix.Length + 4 && word.EndsWith(suffix, StringComparison.Ordinal) ? word[..^suffix.Length] + replacement : null;

    /// <summary>"formatt" to "format", "shopp" to "shop"; keeps "ll", "ss" and "zz" ("spell", "class").</summary>
    private static string Undouble(string stem) =>
        stem.Length >= 4 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') && !"aeiou".Contains(stem[^1], StringComparison.Ordinal)
            ? stem[..^1]
            : stem;
}
