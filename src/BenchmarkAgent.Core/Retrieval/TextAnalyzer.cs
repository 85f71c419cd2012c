using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Retrieval;

/// <summary>
/// Tokenises text for the <see cref="LexicalIndex"/>: the words of <see cref="QueryTerms.Words"/> through <see cref="LightStemmer"/>, plus the parts of
/// hyphenated words ("multi-step" also counts as "multi" and "step"), without stop words or words that say nothing
/// about a task ("generate", "items", "want").
/// </summary>
internal static class TextAnalyzer
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "i", "we", "you", "my", "our", "your", "me", "us", "do", "does", "did", "has", "have", "had", "was", "were",
        "will", "would", "could", "want", "need", "like", "make", "create", "build", "generate", "give", "get", "set",
        "some", "such", "e", "g", "eg", "etc", "use", "using", "item", "new", "check", "whether", "find", "lot", "lots", "out", "thing", "things", "way", "ways", "just", "many", "much", "through", "say", "everyone", "someone", "anyone", "every", "come", "comes", "figure", "if", "than", "then",
        "also", "each", "one", "where", "when", "what", "who", "whom", "why", "these", "those", "there", "here", "so",
        "very", "more", "most", "kind", "type", "various", "good", "based", "include", "including", "while", "according",
        "given", "skill", "capability", "measure", "assess", "probe", "challenge", "ones", "whose", "able", "correct", "correctly", "properly",
    };

    /// <summary>The terms of <paramref name="text"/>, in order, duplicates kept (they are term frequencies).</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        foreach (string word in QueryTerms.Words(text))
        {
            foreach (string part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                string stem = LightStemmer.Stem(part);
                if (part.Length > 1 && !Filler.Contains(part) && !Filler.Contains(stem))
                {
                    terms.Add(stem);
                }
            }
        }

        return terms;
    }

    /// <summary>The phrase terms of <paramref name="terms"/>: each pair of adjacent terms joined by <see cref="PhraseJoiner"/>.</summary>
    public static IEnumerable<string> Bigrams(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        for (int i = 0; i + 1 < terms.Count; i++)
        {
            yield return terms[i] + PhraseJoiner + terms[i + 1];
        }
    }

    /// <summary>Joins the two terms of a phrase term; no analysed term contains it.</summary>
    public const char PhraseJoiner = '_';
}
