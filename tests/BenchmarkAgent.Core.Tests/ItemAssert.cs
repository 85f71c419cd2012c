using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Core.Tests;

/// <summary>Field-by-field item equality (records hold lists, which compare by reference).</summary>
internal static class ItemAssert
{
    public static void Same(BenchmarkItem expected, BenchmarkItem actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Subtask, actual.Subtask);
        Assert.Equal(expected.Difficulty, actual.Difficulty);
        Assert.Equal(expected.Prompt, actual.Prompt);
        Assert.Equal(expected.Choices, actual.Choices);
        Assert.Equal(expected.Answer, actual.Answer);
        Assert.Equal(expected.Provenance.Source, actual.Provenance.Source);
        Assert.Equal(expected.Provenance.Seed, actual.Provenance.Seed);
        Assert.Equal(expected.Provenance.Index, actual.Provenance.Index);
        Assert.Equal(expected.Provenance.Attempt, actual.Provenance.Attempt);
        Assert.Equal(expected.Provenance.Transformations, actual.Provenance.Transformations);
        Assert.Equal(expected.Provenance.Checks, actual.Provenance.Checks);
    }
}
