using BenchmarkAgent.Testing.Baselines;

namespace BenchmarkAgent.Testing.Tests.Baselines;

public sealed class BaselineLayoutTests
{
    [Theory]
    [InlineData("gpt-4o-mini", "gpt-4o-mini")]
    [InlineData("baseline/random-guess", "baseline-random-guess")]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct:free", "meta-llama-llama-3.1-8b-instruct-free")]
    [InlineData("code:MyFactory", "code-myfactory")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("..\\..\\windows", "windows")]
    [InlineData("a..b", "a.b")]
    [InlineData("CON", "subject-con")]
    [InlineData("nul.txt", "subject-nul.txt")]
    [InlineData("", "subject")]
    [InlineData("///", "subject")]
    [InlineData("модель", "subject")]
    public void Slug_turns_an_untrusted_label_into_a_safe_file_name(string label, string expected) =>
        Assert.Equal(expected, BaselineLayout.Slug(label));

    [Fact]
    public void A_long_label_is_cut_to_the_maximum_length()
    {
        string slug = BaselineLayout.Slug(new string('x', 500));

        Assert.Equal(BaselineLayout.MaxSlugLength, slug.Length);
    }

    [Fact]
    public void The_baseline_path_is_inside_the_snapshot_folder()
    {
        string snapshot = Path.Combine("out", "Benchmarks", "arithmetic");

        string path = BaselineLayout.PathFor(snapshot, "../../x");

        Assert.Equal(Path.Combine(snapshot, "baselines", "x.json"), path);
    }
}
