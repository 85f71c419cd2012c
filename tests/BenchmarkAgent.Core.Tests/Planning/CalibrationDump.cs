using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Retrieval;

namespace BenchmarkAgent.Core.Tests.Planning;

public sealed class CalibrationDump
{
    [Fact]
    public void Dump()
    {
        var catalog = new FamilyCatalog(BuiltInTaskFamilies.All);
        var lines = new List<string>();
        foreach (string q in File.ReadAllLines("/tmp/h13cal/queries.txt").Where(l => l.Trim().Length > 0))
        {
            lines.Add("## " + q + "   mods=" + string.Join(",", QueryModifiers.Detect(q).Select(m => m.Name + "[" + m.Phrase + "]")));
            string sq = QueryModifiers.Strip(q);
            var terms = TextAnalyzer.Terms(sq).Distinct().ToList();
            double total = terms.Sum(t => catalog.Index.Idf(t));
            var ranked = catalog.Rank(sq).OrderByDescending(m => m.Lexical.Combined).ToList();
            double q1 = ranked[0].Lexical.MatchedTerms.Sum(t => catalog.Index.Idf(t)) / total;
            lines.Add($"  terms=[{string.Join(",", terms.Select(t => t + ":" + catalog.Index.Idf(t).ToString("0.0")))}] Q1={q1:0.00}");
            foreach (var m in ranked.Take(5))
            {
                lines.Add($"  {m.Family.Card.Id,-24} kw={m.Score:0.00} bm={m.Lexical.Bm25Normalized:0.00} cos={m.Lexical.Cosine:0.00} comb={m.Lexical.Combined:0.00} [{string.Join(",", m.Lexical.MatchedTerms)}] kwterms=[{string.Join(",", m.MatchedTerms)}]");
            }
        }
        File.WriteAllLines("/tmp/h13cal/out.txt", lines);
    }
}
