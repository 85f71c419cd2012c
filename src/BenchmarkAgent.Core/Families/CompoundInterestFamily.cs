using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Savings-account arithmetic: simple interest on easy items, yearly compound interest on medium items, and
/// compound interest with yearly deposits or half-yearly compounding on hard items, rounded to the cent.
/// </summary>
internal sealed partial class CompoundInterestFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "compound-interest",
        "Simple and compound interest",
        "A deposit in a savings account with a yearly interest rate; the answer is the interest earned (simple interest) or the balance after some years (compound interest, possibly with yearly deposits or half-yearly compounding), rounded to the cent.",
        "finance",
        ["finance", "interest", "compound interest", "simple interest", "savings", "money", "percentages", "banking", "financial math", "growth"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string city = rng.Pick(Lexicon.Cities);
        decimal principal = rng.Between(2, 200) * 50m;
        decimal rate = difficulty == Difficulty.Easy ? rng.Between(1, 9) : rng.Between(2, 16) / 2m;
        var builder = new StringBuilder();
        builder.Append(rng.Next(3) switch
        {
            0 => $"{who} deposits ${PromptText.Num(principal)} in a savings account at a bank in {city}.",
            1 => $"A deposit of ${PromptText.Num(principal)} is opened by {who} at a credit union in {city}.",
            _ => $"${PromptText.Num(principal)} is what {who} puts into a new account in {city}.",
        });

        decimal answer;
        if (difficulty == Difficulty.Easy)
        {
            int years = rng.Between(2, 6);
            builder.Append($" The account pays {PromptText.Num(rate)}% simple interest per year, always on the original deposit.");
            builder.Append("\n\n").Append(rng.Chance(0.5)
                ? $"How much interest, in dollars, has the account earned after {years} years?"
                : $"What is the total interest earned over {years} years, in dollars?");
            answer = principal * rate / 100m * years;
        }
        else
        {
            int years = difficulty == Difficulty.Medium ? rng.Between(2, 3) : rng.Between(3, 4);
            int kind = difficulty == Difficulty.Medium ? 0 : rng.Between(1, 2);
            decimal deposit = kind == 1 ? rng.Between(1, 20) * 50m : 0m;
            builder.Append(kind switch
            {
                2 => $" The account pays {PromptText.Num(rate)}% interest per year, compounded twice a year: every six months, half of the yearly rate is added on the current balance.",
                _ => $" The account pays {PromptText.Num(rate)}% interest per year, compounded yearly: at the end of each year the interest is added to the balance.",
            });
            if (kind == 1)
            {
                builder.Append($" Right after each year's interest is added, {who} deposits another ${PromptText.Num(deposit)}.");
            }

            builder.Append(" Nothing is withdrawn.\n\n").Append(rng.Chance(0.5)
                ? $"What is the balance after {years} years, in dollars?"
                : $"How many dollars are in the account after {years} years?");
            int periods = kind == 2 ? years * 2 : years;
            decimal factor = 1 + (kind == 2 ? rate / 200m : rate / 100m);
            decimal balance = principal;
            for (int p = 0; p < periods; p++)
            {
                balance = (balance * factor) + deposit;
            }

            answer = balance;
        }

        builder.Append(" Round to the nearest cent. Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(Math.Round(answer, 2, MidpointRounding.AwayFromZero)));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var deposit = Deposit().Match(sample.Prompt);
        var question = Question().Match(sample.Prompt);
        if (!deposit.Success || !question.Success)
        {
            return CheckResult.Fail("deposit or question not recognised");
        }

        decimal principal = PromptText.ParseNum(deposit.Groups["p"].Value);
        int years = PromptText.ParseInt(question.Groups["y"].Value);
        if (Simple().Match(sample.Prompt) is { Success: true } simple)
        {
            if (!question.Groups["interest"].Success)
            {
                return CheckResult.Fail("a simple-interest item must ask for the interest");
            }

            decimal perYear = principal * PromptText.ParseNum(simple.Groups["r"].Value) / 100m;
            return PromptText.CheckNumber(sample, Math.Round(perYear * years, 2, MidpointRounding.AwayFromZero));
        }

        var compound = Compound().Match(sample.Prompt);
        if (!compound.Success || !question.Groups["balance"].Success)
        {
            return CheckResult.Fail("compounding not recognised");
        }

        decimal rate = PromptText.ParseNum(compound.Groups["r"].Value) / 100m;
        bool twice = compound.Groups["twice"].Success;
        var extra = Extra().Match(sample.Prompt);
        decimal added = extra.Success ? PromptText.ParseNum(extra.Groups["d"].Value) : 0m;
        if (twice && extra.Success)
        {
            return CheckResult.Fail("half-yearly items have no deposits");
        }

        // Year by year; a half-yearly account applies half the rate twice within each year.
        decimal balance = principal;
        for (int y = 0; y < years; y++)
        {
            balance = twice ? balance * (1 + (rate / 2)) * (1 + (rate / 2)) : (balance * (1 + rate)) + added;
        }

        return PromptText.CheckNumber(sample, Math.Round(balance, 2, MidpointRounding.AwayFromZero));
    }

    [GeneratedRegex(@"^(?:\w+ deposits \$(?<p>[\d.]+) in a savings account at a bank in \w+\.|A deposit of \$(?<p>[\d.]+) is opened by \w+ at a credit union in \w+\.|\$(?<p>[\d.]+) is what \w+ puts into a new account in \w+\.) The account pays ")]
    private static partial Regex Deposit();

    [GeneratedRegex(@"\. The account pays (?<r>[\d.]+)% simple interest per year, always on the original deposit\.\n\n")]
    private static partial Regex Simple();

    [GeneratedRegex(@"\. The account pays (?<r>[\d.]+)% interest per year, (?:compounded yearly: at the end of each year the interest is added to the balance|(?<twice>compounded twice a year: every six months, half of the yearly rate is added on the current balance))\.(?: Right after| Nothing)")]
    private static partial Regex Compound();

    [GeneratedRegex(@" Right after each year's interest is added, \w+ deposits another \$(?<d>[\d.]+)\. Nothing is withdrawn\.\n\n")]
    private static partial Regex Extra();

    [GeneratedRegex(@"\n\n(?:(?<interest>How much interest, in dollars, has the account earned after (?<y>\d+) years\?|What is the total interest earned over (?<y>\d+) years, in dollars\?)|(?<balance>What is the balance after (?<y>\d+) years, in dollars\?|How many dollars are in the account after (?<y>\d+) years\?)) Round to the nearest cent\. Answer with a single number\.$")]
    private static partial Regex Question();
}
