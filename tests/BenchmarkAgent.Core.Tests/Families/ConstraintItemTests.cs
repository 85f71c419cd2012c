using BenchmarkAgent.Constraints;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Core.Tests.Snapshots;
using BenchmarkAgent.Snapshots;
using BenchmarkAgent.Verification;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Core.Tests.Families;

public sealed class ConstraintItemTests
{
    [Fact]
    public void Constraint_items_are_planned_generated_and_survive_a_snapshot_round_trip()
    {
        var snapshot = new SnapshotGenerator().Generate(
            new BenchmarkRequest("Ifeval", "IFEval verifiable constraints: word count, lowercase and bullet points", 12, 3),
            TestContext.Current.CancellationToken);
        var items = snapshot.Items.Where(i => i.Answer.Type == AnswerType.Constraint).ToList();

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(ConstraintSpec.TryParse(i.Answer.Value, out _, out _), i.Answer.Value));
        using var dir = new TempDirectory();
        string path = dir.File(SnapshotLayout.ItemsFileName);
        File.WriteAllBytes(path, SnapshotWriter.ItemsBytes("Ifeval", snapshot.Items));
        Assert.Contains("\"constraint\"", File.ReadAllText(path));

        var read = SnapshotReader.ReadItems(path);
        Assert.Equal(snapshot.Items.Count, read.Count);
        for (int i = 0; i < read.Count; i++)
        {
            ItemAssert.Same(snapshot.Items[i], read[i]);
        }
    }

    [Fact]
    public void A_snapshot_with_an_edited_invalid_constraint_spec_is_rejected_with_ba0201()
    {
        var item = new BenchmarkItem("c0c0c0c0c0", "ifeval", Difficulty.Easy, "Write a note.", [], new ExpectedAnswer(AnswerType.Constraint, "words:5-9;lowercase"),
            new ItemProvenance(ItemSource.Parse("family:verifiable-constraints"), "0000000000000001", 0, 0, [], ["schema"]));
        using var dir = new TempDirectory();
        string path = dir.File(SnapshotLayout.ItemsFileName);
        string text = System.Text.Encoding.UTF8.GetString(SnapshotWriter.ItemsBytes("Ifeval", [item]));
        File.WriteAllText(path, text);
        Assert.Equal("words:5-9;lowercase", SnapshotReader.ReadItems(path).Single().Answer.Value);

        File.WriteAllText(path, text.Replace("words:5-9;lowercase", "words:9-5;lowercase", StringComparison.Ordinal));
        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotReader.ReadItems(path));

        Assert.Equal("BA0201", error.Code);
        Assert.Contains("invalid constraint spec: 'words:9-5' is not a constraint token", error.Message);
    }

    [Fact]
    public void The_schema_verifier_rejects_a_constraint_answer_that_is_not_a_spec()
    {
        var family = new VerifiableConstraintsFamily();
        var sample = family.Generate(1, Difficulty.Medium);
        var broken = sample with { Answer = sample.Answer with { Value = "words:ten" } };
        var verifier = new SchemaVerifier();

        Assert.True(verifier.Verify(new CandidateSample(sample, family, Difficulty.Medium), new VerificationContext()).Passed);
        var verdict = verifier.Verify(new CandidateSample(broken, family, Difficulty.Medium), new VerificationContext());
        Assert.False(verdict.Passed);
        Assert.Contains("'words:ten' is not a constraint token", verdict.Message);
    }

    [Fact]
    public void The_checker_rejects_a_spec_that_drops_or_changes_a_rule()
    {
        var family = new VerifiableConstraintsFamily();
        for (ulong seed = 0; seed < 50; seed++)
        {
            var sample = family.Generate(seed, Difficulty.Hard);
            var spec = ConstraintSpec.Parse(sample.Answer.Value);
            string dropped = new ConstraintSpec(spec.Constraints.Skip(1).ToList()).ToString();
            string reordered = new ConstraintSpec(spec.Constraints.Reverse().ToList()).ToString();

            Assert.True(family.Check(sample).Agrees);
            Assert.False(family.Check(sample with { Answer = sample.Answer with { Value = dropped } }).Agrees);
            Assert.False(family.Check(sample with { Answer = sample.Answer with { Value = reordered } }).Agrees);
        }
    }
}
