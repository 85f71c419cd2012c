using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// Best-value comparison: several offers of one product in different sizes and prices, and the model picks the
/// one with the lowest price per gram or millilitre. Hard items mix units (g and kg) and multipacks.
/// </summary>
internal sealed partial class BestBuyFamily : ITaskFamily
{
    private static readonly (string Product, string Small, string Large)[] Products =
    [
        ("rice", "g", "kg"), ("flour", "g", "kg"), ("coffee", "g", "kg"), ("pasta", "g", "kg"), ("sugar", "g", "kg"),
        ("juice", "ml", "l"), ("shampoo", "ml", "l"), ("milk", "ml", "l"), ("detergent", "ml", "l"), ("vinegar", "ml", "l"),
    ];

    private static readonly int[] Sizes = [100, 150, 200, 250, 300, 400, 500, 600, 750, 800, 900, 1000, 1200, 1500, 2000, 2500, 3000];

    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "best-buy",
        "Best value for money",
        "Several offers of one product (size and price, such as 750 g for $3.60); the model picks the offer with the lowest price per unit. Hard items mix units such as g and kg and include multipacks.",
        "finance",
        ["unit price", "best buy", "value for money", "price comparison", "shopping", "finance", "money", "cost per unit", "consumer math", "ratios"],
        AnswerType.Choice);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        string city = rng.Pick(Lexicon.Cities);
        var (product, small, large) = rng.Pick(Products);
        int count = difficulty switch { Difficulty.Easy => 3, Difficulty.Medium => 4, _ => 5 };
        while (true)
        {
            decimal centsPer100 = rng.Between(20, 400);
            var offers = new List<(string Text, decimal PerUnit)>();
            var sizes = rng.Shuffle(Sizes).Take(count).ToList();
            for (int i = 0; i < count; i++)
            {
                // The first offer is the cheapest per unit by construction; the others cost 5% to 35% more.
                decimal factor = i == 0 ? rng.Between(80, 95) / 100m : rng.Between(100, 130) / 100m;
                int packs = difficulty == Difficulty.Hard && sizes[i] <= 500 && rng.Chance(0.5) ? rng.Between(2, 4) : 1;
                decimal total = sizes[i] * packs;
                decimal price = Math.Round(total / 100m * centsPer100 * factor / 100m, 2, MidpointRounding.AwayFromZero);
                string size = packs > 1
                    ? $"a pack of {packs} x {sizes[i]} {small}"
                    : difficulty == Difficulty.Hard && sizes[i] >= 1000 && rng.Chance(0.7)
                        ? $"{PromptText.Num(sizes[i] / 1000m)} {large}"
                        : $"{sizes[i]} {small}";
                offers.Add(($"{size} for ${price.ToString("0.00", CultureInfo.InvariantCulture)}", price / total));
            }

            decimal best = offers[0].PerUnit;
            if (offers.Skip(1).Any(o => o.PerUnit <= best * 1.03m))
            {
                continue;
            }

            string unitName = small == "g" ? "gram" : "millilitre";
            string question = rng.Next(3) switch
            {
                0 => $"{who} is buying {product} at a shop in {city}, which sells it in these sizes. Which offer has the lowest price per {unitName}?",
                1 => $"A supermarket in {city} has the following offers for {product}. Which one gives {who} the most {product} per dollar?",
                _ => $"{who} compares the offers for {product} at a market in {city}. Which offer is the cheapest per {unitName}?",
            };
            return PromptText.ChoiceSample(rng, question, offers[0].Text, offers.Skip(1).Select(o => o.Text).ToList());
        }
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!Question().IsMatch(sample.Prompt))
        {
            return CheckResult.Fail("question not recognised");
        }

        var perUnit = new List<(string Text, decimal Price)>();
        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (string option in sample.Choices)
        {
            var m = Offer().Match(option);
            if (!m.Success)
            {
                return CheckResult.Fail($"offer not understood: {option}");
            }

            decimal amount = PromptText.ParseNum(m.Groups["size"].Value) * (m.Groups["packs"].Success ? PromptText.ParseInt(m.Groups["packs"].Value) : 1);
            string unit = m.Groups["unit"].Value;
            (amount, unit) = unit switch { "kg" => (amount * 1000, "g"), "l" => (amount * 1000, "ml"), _ => (amount, unit) };
            units.Add(unit);
            perUnit.Add((option, PromptText.ParseNum(m.Groups["price"].Value) / amount));
        }

        if (units.Count != 1)
        {
            return CheckResult.Fail("offers mix weights and volumes");
        }

        var ordered = perUnit.OrderBy(o => o.Price).ToList();
        return ordered[0].Price == ordered[1].Price
            ? CheckResult.Fail("two offers tie for the lowest unit price")
            : PromptText.CheckChoice(sample, ordered[0].Text);
    }

    [GeneratedRegex(@"^(?:\w+ is buying [\w ]+ at a shop in \w+, which sells it in these sizes\. Which offer has the lowest price per (?:gram|millilitre)\?|A supermarket in \w+ has the following offers for [\w ]+\. Which one gives \w+ the most [\w ]+ per dollar\?|\w+ compares the offers for [\w ]+ at a market in \w+\. Which offer is the cheapest per (?:gram|millilitre)\?)\n\n")]
    private static partial Regex Question();

    [GeneratedRegex(@"^(?:a pack of (?<packs>\d+) x )?(?<size>[\d.]+) (?<unit>g|kg|ml|l) for \$(?<price>\d+\.\d\d)$")]
    private static partial Regex Offer();
}
