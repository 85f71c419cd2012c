using BenchmarkAgent.Execution;
using BenchmarkAgent.Items;

namespace BenchmarkAgent.Testing.Tests;

internal static class TestItems
{
    public static BenchmarkItem Item(ExpectedAnswer answer, IReadOnlyList<string>? choices = null, string id = "0123456789", string prompt = "What is it?") =>
        new(
            id,
            "subtask",
            Difficulty.Easy,
            prompt,
            choices ?? [],
            answer,
            new ItemProvenance(new FamilySource("test"), "0000000000000001", 0, 0, [], []));

    public static BenchmarkItem Number(string value, double tolerance = 0) =>
        Item(new ExpectedAnswer(AnswerType.Number, value, tolerance));

    public static BenchmarkItem Choice(char letter, params string[] choices) =>
        Item(ExpectedAnswer.Choice(letter - 'A'), choices.Length == 0 ? ["w", "x", "y", "z"] : choices);

    public static BenchmarkItem Text(string value) => Item(ExpectedAnswer.Text(value));
}
