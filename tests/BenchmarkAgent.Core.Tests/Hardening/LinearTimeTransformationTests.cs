using System.Diagnostics;
using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Transformations;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Core.Tests.Hardening;

/// <summary>
/// Finding 1 of issue 16: one dataset record made of a long run of one letter kept the build in surface noise
/// for minutes. Every transformation step, every chain and every verifier must run in (near) linear time on
/// adversarial text; a super-linear algorithm shows as a blown budget long before the input reaches megabytes.
/// </summary>
public sealed class LinearTimeTransformationTests
{
    private static readonly int Length = int.TryParse(Environment.GetEnvironmentVariable("BA_PROBE_LENGTH"), out int n) ? n : 200_000;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("BA_PROBE_BUDGET"), System.Globalization.CultureInfo.InvariantCulture, out double b) ? b : 2);

    private static readonly IReadOnlyList<RecordTransformation> Steps =
    [
        new SurfaceNoise(), new NumericRetemplating(), new IrrelevantContextInjection(), new OpenToMultipleChoice(),
        new OptionShuffle(), new AnswerFormatConstraint(), .. DatasetChains.All,
    ];

    private static readonly IReadOnlyList<ISampleVerifier> Verifiers =
        [new SchemaVerifier(), new LeakageVerifier(), new DuplicateVerifier(), new CheckerVerifier()];

    /// <summary>The adversarial shapes, by name, for the theory.</summary>
    public static TheoryData<string> ShapeNames() => new(AdversarialText.Shapes(10).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Every_transformation_and_verifier_is_linear_on_adversarial_text(string shape)
    {
        string text = AdversarialText.Shapes(Length).Single(s => s.Name == shape).Text;
        var slow = new List<string>();
        foreach (var record in Records(text))
        {
            foreach (var type in new[] { AnswerType.Number, AnswerType.ShortText, AnswerType.Choice, AnswerType.FreeText })
            {
                foreach (var step in Steps)
                {
                    Time($"{step.Name} ({type}, {record.Id})", slow, () =>
                    {
                        _ = step.Apply(record, type, [record, record with { Id = "other" }], new DeterministicRandom(3));
                    });
                }
            }
        }

        foreach (var answer in new[] { ExpectedAnswer.Number(5), ExpectedAnswer.Text(text[..Math.Min(text.Length, 5000)]), })
        {
            var candidate = new CandidateSample(new FamilySample(text, answer), null, Difficulty.Medium) { Solution = text };
            foreach (var verifier in Verifiers)
            {
                var context = new VerificationContext();
                Time($"verifier {verifier.Name}", slow, () => _ = verifier.Verify(candidate, context));
            }
        }

        Assert.True(slow.Count == 0, $"Super-linear on '{shape}' ({Length} chars):\n" + string.Join('\n', slow));
    }

    [Fact]
    public void Surface_noise_on_a_five_megabyte_run_of_one_letter_finishes_in_under_five_seconds()
    {
        var record = new DatasetRecord("run", "Count the letters. " + new string('a', 5 * 1024 * 1024) + " How many?", "#### 5");
        var stopwatch = Stopwatch.StartNew();
        foreach (var chain in DatasetChains.All)
        {
            _ = chain.Apply(record, AnswerType.Number, [record], new DeterministicRandom(1));
        }

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    private static IEnumerable<DatasetRecord> Records(string text)
    {
        yield return new DatasetRecord("input", text, "#### 5");
        yield return new DatasetRecord("output", "Tom has 5 apples and buys 4. How many?", text);
        yield return new DatasetRecord("both", text, "<<5+4=9>>9 " + text + "\n#### 9");
        yield return new DatasetRecord("choices", text, "B").WithField(DatasetRecord.ChoicesField, text + "\nsecond\n" + text);
    }

    private static void Time(string what, List<string> slow, Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        var run = Task.Run(action, TestContext.Current.CancellationToken);
        bool finished = run.Wait(Budget * 5, TestContext.Current.CancellationToken);
        if (!finished || stopwatch.Elapsed > Budget)
        {
            slow.Add($"{what}: {(finished ? stopwatch.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s" : "did not finish in " + (Budget * 5).TotalSeconds + " s")}");
        }
    }
}
