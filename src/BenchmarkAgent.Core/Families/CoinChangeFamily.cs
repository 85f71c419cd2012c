using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// The fewest coins that pay an exact amount from a given set of denominations. Easy items use everyday coin sets
/// where paying the largest coin first works; harder items use invented sets where that greedy habit gives too many coins.
/// </summary>
internal sealed partial class CoinChangeFamily : ITaskFamily
{
    private static readonly int[][] EverydaySets = [[1, 2, 5, 10], [1, 5, 10, 25], [1, 2, 5, 10, 20], [1, 5, 10, 20, 50]];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "coin-change",
        "Fewest coins",
        "A country's coin denominations and an amount to pay exactly; the answer is the smallest number of coins. Harder items use invented denominations where always taking the largest coin first is not optimal.",
        "optimization",
        ["coin change", "fewest coins", "optimization", "dynamic programming", "greedy", "making change", "money", "minimum", "combinatorial optimization"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string city = rng.Pick(Lexicon.Cities);
        List<int> coins;
        int amount;
        if (difficulty == Difficulty.Easy)
        {
            coins = [.. rng.Pick(EverydaySets)];
            amount = rng.Between(11, 99);
        }
        else
        {
            int kinds = difficulty == Difficulty.Medium ? rng.Between(3, 4) : rng.Between(5, 6);
            int max = difficulty == Difficulty.Medium ? 15 : 40;
            coins = [1];
            while (coins.Count < kinds)
            {
                int c = rng.Between(3, max);
                if (!coins.Contains(c))
                {
                    coins.Add(c);
                }
            }

            coins.Sort();
            amount = difficulty == Difficulty.Medium ? rng.Between(15, 60) : rng.Between(40, 150);
        }

        // Hard items (and half of the medium ones) take one coin (never the 1) out of use, so the listed set is not the usable set.
        int? missing = difficulty == Difficulty.Hard || (difficulty == Difficulty.Medium && rng.Chance(0.5)) ? coins[rng.Between(1, coins.Count - 1)] : null;
        var usable = coins.Where(c => c != missing).ToList();

        // Fewest coins for every amount up to the target, smallest amounts first.
        var best = new int[amount + 1];
        for (int a = 1; a <= amount; a++)
        {
            best[a] = int.MaxValue;
            foreach (int c in usable.Where(c => c <= a && best[a - c] != int.MaxValue))
            {
                best[a] = Math.Min(best[a], best[a - c] + 1);
            }
        }

        string unit = rng.Pick(new[] { "cents", "pence", "crowns" });
        string list = PromptText.JoinAnd(coins.Select(PromptText.Num).ToList());
        var builder = new StringBuilder();
        builder.Append(rng.Next(3) switch
        {
            0 => $"The {coins.Count} kinds of coin used in {city} are worth {list} {unit}.",
            1 => $"In {city}, coins come in {coins.Count} values: {list} {unit}.",
            _ => $"A vending machine in {city} takes {coins.Count} kinds of coin, worth {list} {unit}.",
        });
        builder.Append(' ').Append(rng.Next(3) switch
        {
            0 => $"{who} must pay exactly {amount} {unit}, and may use any coin as many times as needed.",
            1 => $"{who} wants to hand over exactly {amount} {unit}, using each kind of coin as often as wanted.",
            _ => $"{who} owes exactly {amount} {unit}; there is an unlimited supply of every coin.",
        });
        if (missing is int m)
        {
            builder.Append(rng.Chance(0.5)
                ? $" However, {who} has no coins worth {m} {unit} at the moment."
                : $" The coin worth {m} {unit} is out of stock, so it cannot be used.");
        }

        builder.Append("\n\n").Append(rng.Chance(0.5)
            ? "What is the smallest number of coins that does it?"
            : $"How few coins can {who} use?");
        builder.Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(best[amount]));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var match = Story().Match(sample.Prompt);
        if (!match.Success || match.Groups["u1"].Value != match.Groups["u2"].Value)
        {
            return CheckResult.Fail("story not recognised");
        }

        var coins = Number().Matches(match.Groups["list"].Value).Select(m => PromptText.ParseInt(m.Value)).Distinct().ToList();
        if (coins.Count != PromptText.ParseInt(match.Groups["k"].Value) || coins.Contains(0))
        {
            return CheckResult.Fail("the number of coin kinds does not match the list");
        }

        int amount = PromptText.ParseInt(match.Groups["amount"].Value);
        if (match.Groups["missing"].Success && !coins.Remove(PromptText.ParseInt(match.Groups["missing"].Value)))
        {
            return CheckResult.Fail("the missing coin is not among the listed coins");
        }

        // Breadth-first search over amounts paid so far: the first level that reaches the target is the answer.
        var seen = new HashSet<int> { 0 };
        var level = new List<int> { 0 };
        for (int used = 0; level.Count > 0; used++)
        {
            if (level.Contains(amount))
            {
                return PromptText.CheckNumber(sample, used);
            }

            level = level.SelectMany(paid => coins.Select(c => paid + c)).Where(p => p <= amount && seen.Add(p)).ToList();
        }

        return CheckResult.Fail("the amount cannot be paid");
    }

    [GeneratedRegex(@"^(?:The (?<k>\d+) kinds of coin used in \w+ are worth (?<list>[\d, and]+) (?<u1>\w+)\.|In \w+, coins come in (?<k>\d+) values: (?<list>[\d, and]+) (?<u1>\w+)\.|A vending machine in \w+ takes (?<k>\d+) kinds of coin, worth (?<list>[\d, and]+) (?<u1>\w+)\.) (?:\w+ must pay exactly (?<amount>\d+) (?<u2>\w+), and may use any coin as many times as needed\.|\w+ wants to hand over exactly (?<amount>\d+) (?<u2>\w+), using each kind of coin as often as wanted\.|\w+ owes exactly (?<amount>\d+) (?<u2>\w+); there is an unlimited supply of every coin\.)(?: However, \w+ has no coins worth (?<missing>\d+) \w+ at the moment\.| The coin worth (?<missing>\d+) \w+ is out of stock, so it cannot be used\.)?\n\n(?:What is the smallest number of coins that does it\?|How few coins can \w+ use\?) Answer with a single number\.$")]
    private static partial Regex Story();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
