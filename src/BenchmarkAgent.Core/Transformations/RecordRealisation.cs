using BenchmarkAgent.Families;
using BenchmarkAgent.Grounding;
using BenchmarkAgent.Verification;

namespace BenchmarkAgent.Transformations;

/// <summary>
/// The one notion of "applicable": a record applies to a chain when the chain turns it into a sample that passes
/// verification. The executor realises items with <see cref="Realise"/>, and the planner's transformability check
/// (<see cref="Probe"/>) runs the same code on a sample of records, so a plan that says N records apply means N realise.
/// </summary>
internal static class RecordRealisation
{
    /// <summary>The most records <see cref="Probe"/> realises per (dataset, chain).</summary>
    public const int ProbeLimit = 2000;

    /// <summary>The check name of a chain that returned no sample.</summary>
    public const string TransformationCheck = "transformation";

    /// <summary>Realises one record through one chain and verifies the sample against <paramref name="context"/>.</summary>
    /// <returns>The verified candidate and its sample, or a null candidate with the failing check and message.</returns>
    public static (CandidateSample? Candidate, TransformedSample? Sample, string Check, string Message) Realise(
        DatasetRecord record, RecordTransformation chain, AnswerType type, IReadOnlyList<DatasetRecord> pool,
        DeterministicRandom rng, Difficulty difficulty, CompositeVerifier verifier, VerificationContext context)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(verifier);
        var sample = chain.Apply(record, type, pool, rng);
        if (sample is null)
        {
            return (null, null, TransformationCheck, $"{chain.Name} did not apply to a drawn record.");
        }

        var candidate = new CandidateSample(new FamilySample(sample.Prompt, sample.Answer, sample.Choices) { Media = record.Media }, null, difficulty)
        {
            Solution = sample.Solution,
        };
        var failure = verifier.FirstFailure(candidate, context);
        return failure is null ? (candidate, sample, string.Empty, string.Empty) : (null, sample, failure.Check, failure.Message);
    }

    /// <summary>
    /// Realises up to <paramref name="limit"/> records, evenly spaced, each with its own fresh verification context (so
    /// duplicates of other records do not count against it) and a seed from (chain, record index).
    /// </summary>
    /// <returns>The records tried, those that realised, their indices, and the most common failure (check: message) or null.</returns>
    public static ProbeResult Probe(Dataset dataset, RecordTransformation chain, CompositeVerifier verifier, int limit = ProbeLimit)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(verifier);
        int count = dataset.Records.Count;
        int sampled = Math.Min(count, limit);
        var realised = new List<int>();
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < sampled; k++)
        {
            int index = (int)((long)k * count / sampled);
            var rng = new DeterministicRandom(StableHash.Seed("probe", chain.Name, index));
            var (candidate, _, check, message) = Realise(
                dataset.Records[index], chain, dataset.Card.AnswerType, dataset.Records, rng, Difficulty.Medium, verifier, new VerificationContext());
            if (candidate is not null)
            {
                realised.Add(index);
            }
            else
            {
                string key = $"{check}: {message}";
                failures[key] = failures.GetValueOrDefault(key) + 1;
            }
        }

        string? common = failures.Count == 0 ? null : failures.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
        return new ProbeResult(count, sampled, realised, common);
    }
}
