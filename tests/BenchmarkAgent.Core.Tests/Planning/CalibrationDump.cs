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
            var c = FamilyChooser.Choose(catalog, q, [], false);
            lines.Add($"{(c.Covered ? "OK " : "-- ")} cov={c.Coverage:0.00} {q}  => {string.Join(", ", c.Chosen.Select(m => $"{m.Family.Card.Id}({m.Lexical.Combined:0.00})"))} | rej {string.Join(", ", c.Rejected.Select(r => $"{r.Name}({r.Lexical.Combined:0.00})"))} | unm {string.Join(",", c.UnmatchedTerms)} | mods {string.Join(",", c.Modifiers.Select(m => m.Name))}");
        }
        File.WriteAllLines("/tmp/h13cal/out.txt", lines);
    }
}
