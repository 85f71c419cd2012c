using BenchmarkAgent.Generation.Calls;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Items;
using BenchmarkAgent.Planning;

namespace BenchmarkAgent.Generation.Verification;

/// <summary>The item-quality rater: six ratings from 1 to 5 with a reason, one model call per item.</summary>
internal sealed class QualityRater(GeneratorCaller caller)
{
    /// <summary>Rates one item.</summary>
    /// <returns>The ratings in <see cref="ItemQuality.Criteria"/> order, or null when the rater gave no usable answer.</returns>
    public async ValueTask<ItemQuality?> RateAsync(string query, PlannedSubtask subtask, object item, CancellationToken cancellationToken)
    {
        var result = await caller.CallAsync<RatingReply>(
            PromptStage.Rate,
            new { Query = query, Subtask = ItemView.Subtask(subtask), Item = item },
            Problem,
            cancellationToken).ConfigureAwait(false);
        if (result.Value is not { } reply)
        {
            return null;
        }

        return new ItemQuality(ItemQuality.Criteria
            .Select(c => reply.Ratings.First(r => Criterion(r) == c))
            .Select(r => new QualityRating(Criterion(r), (int)r.Score, Clip(r.Reason)))
            .ToList());
    }

    private static string? Problem(RatingReply reply)
    {
        foreach (string criterion in ItemQuality.Criteria)
        {
            var rating = reply.Ratings.FirstOrDefault(r => Criterion(r) == criterion);
            if (rating is null)
            {
                return $"there is no rating for '{criterion}'.";
            }

            if (rating.Score is < 1 or > 5 || rating.Score != Math.Floor(rating.Score))
            {
                return $"the rating for '{criterion}' must be a whole number from 1 to 5.";
            }
        }

        return null;
    }

    private static string Criterion(RatingEntry rating) => rating.Criterion?.Trim().ToLowerInvariant() ?? string.Empty;

    private static string Clip(string? text)
    {
        string value = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return value.Length > 300 ? value[..300] : value;
    }
}
