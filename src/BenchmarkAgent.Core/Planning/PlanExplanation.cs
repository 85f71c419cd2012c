using System.Globalization;
using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Planning;

/// <summary>The words of an offline plan: subtask rationales, the weak-match warning and the BA0310 detail.</summary>
internal static class PlanExplanation
{
    /// <summary>How many unmatched query terms a message names.</summary>
    public const int MaxNamedTerms = 6;

    /// <summary>Why family <paramref name="match"/>, chosen at position <paramref name="position"/>, is in the plan.</summary>
    public static string Rationale(CatalogMatch match, int position, FamilyChoice choice)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(choice);
        var hit = match.Lexical;
        string terms = hit.MatchedTerms.Count > 0 ? string.Join(", ", hit.MatchedTerms) : "none";
        string phrases = match.MatchedTerms.Count > 0 ? $"; the query mentions: {string.Join(", ", match.MatchedTerms)}" : string.Empty;
        string weak = choice.Covered ? string.Empty : "; a weak match, used because AllowWeakMatch is set";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Chosen {position + 1} of {choice.Chosen.Count} by lexical retrieval: score {hit.Combined:0.00} (BM25 {hit.Bm25Normalized:0.00}, TF-IDF cosine {hit.Cosine:0.00}); matched terms: {terms}{phrases}{weak}.");
    }

    /// <summary>The BA0302 warning of a plan built from weak matches because the request allows them.</summary>
    public static string WeakMatchWarning(FamilyChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        string names = string.Join(", ", choice.Chosen.Select(m => Named(m.Family.Card.Id, m.Lexical)));
        return $"The query matches no task family well ({Shortfall(choice)}); AllowWeakMatch is set, so the plan uses the closest matches: {names}. " +
            "Reword the query with the skills to test, register datasets, or configure a generator.";
    }

    /// <summary>The detail of a BA0310 error: the closest families and what nothing matched.</summary>
    public static string Uncovered(FamilyChoice choice, FamilyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(catalog);
        string closest = choice.Rejected.Count > 0
            ? "closest task families: " + string.Join(", ", choice.Rejected.Select(r => Named(r.Name, r.Lexical)))
            : $"no card of the {catalog.Families.Count} task families shares a word with it";
        return $"{closest}; {Shortfall(choice)}";
    }

    private static string Shortfall(FamilyChoice choice)
    {
        string unmatched = choice.UnmatchedTerms.Count > 0
            ? $"; no family matches: {string.Join(", ", choice.UnmatchedTerms.Take(MaxNamedTerms).Select(t => $"'{t}'"))}"
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"the best family scores {BestScore(choice):0.00} (at least {FamilyChooser.MinimumScore:0.00} needed) and matches {choice.Coverage * 100:0}% of the query's information (at least {FamilyChooser.MinimumCoverage * 100:0}% needed){unmatched}");
    }

    private static double BestScore(FamilyChoice choice) =>
        Math.Max(
            choice.Chosen.Select(m => m.Lexical.Combined).DefaultIfEmpty(0).Max(),
            choice.Rejected.Select(r => r.Lexical.Combined).DefaultIfEmpty(0).Max());

    private static string Named(string id, LexicalHit hit) =>
        string.Create(CultureInfo.InvariantCulture, $"{id} ({hit.Combined:0.00}{(hit.MatchedTerms.Count > 0 ? "; " + string.Join(", ", hit.MatchedTerms.Take(4)) : string.Empty)})");
}
