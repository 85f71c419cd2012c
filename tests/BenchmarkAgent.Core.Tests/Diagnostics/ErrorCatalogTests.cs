using System.Reflection;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Core.Tests.Diagnostics;

/// <summary>docs/errors.md and <see cref="ErrorCodes"/> list exactly the same codes, each once.</summary>
public sealed partial class ErrorCatalogTests
{
    [Fact]
    public void Every_code_is_defined_once()
    {
        var codes = DefinedCodes();
        Assert.NotEmpty(codes);
        var duplicates = codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}");
        Assert.Empty(duplicates);
        Assert.All(codes, c => Assert.Matches("^BA[0-9]{4}$", c.Code));
    }

    [Fact]
    public void Docs_list_exactly_the_defined_codes()
    {
        var defined = DefinedCodes().Select(c => c.Code).ToHashSet();
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "errors.md"));
        var documentedRows = TableRowCode().Matches(docs).Select(m => m.Groups[1].Value).ToList();

        Assert.Empty(documentedRows.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(defined.Except(documentedRows).Order());
        Assert.Empty(documentedRows.Except(defined).Order());
    }

    [Fact]
    public void Codes_in_msbuild_files_are_defined()
    {
        var defined = DefinedCodes().Select(c => c.Code).ToHashSet();
        string sdk = Path.Combine(RepositoryRoot(), "src", "BenchmarkAgent.Sdk");
        var used = Directory.GetFiles(sdk, "*.targets", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(sdk, "*.props", SearchOption.AllDirectories))
            .SelectMany(f => MsBuildCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToList();
        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, c => !defined.Contains(c));
    }

    private static List<(string Name, string Code)> DefinedCodes() =>
        typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
            .ToList();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BenchmarkAgent.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find BenchmarkAgent.Sdk.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\|\s*(BA[0-9]{4})\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableRowCode();

    [GeneratedRegex(@"Code=""(BA[0-9]{4})""")]
    private static partial Regex MsBuildCode();
}
