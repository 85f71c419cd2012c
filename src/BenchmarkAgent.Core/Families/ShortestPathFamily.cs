using System.Text;
using System.Text.RegularExpressions;

namespace BenchmarkAgent.Families;

/// <summary>
/// A small road map given as a list of two-way roads with lengths; the answer is the length of the shortest route
/// between two towns. Harder items have more towns and roads, so the direct-looking route is rarely the best.
/// </summary>
internal sealed partial class ShortestPathFamily : ITaskFamily
{
    /// <inheritdoc />
    public TaskFamilyCard Card { get; } = new(
        "shortest-path",
        "Shortest path on a road map",
        "A list of two-way roads between towns with their lengths in km; the answer is the length of the shortest route between two named towns. Harder items have more towns and more alternative roads.",
        "graph",
        ["graph", "shortest path", "dijkstra", "road map", "routes", "network", "weighted graph", "navigation", "distance", "graph algorithms"],
        AnswerType.Number);

    /// <inheritdoc />
    public FamilySample Generate(ulong seed, Difficulty difficulty)
    {
        var rng = new DeterministicRandom(seed);
        string who = rng.Pick(Lexicon.Names);
        int n = difficulty switch { Difficulty.Easy => 4, Difficulty.Medium => rng.Between(5, 6), _ => rng.Between(7, 8) };
        int extra = difficulty switch { Difficulty.Easy => rng.Between(1, 2), Difficulty.Medium => rng.Between(2, 3), _ => rng.Between(4, 6) };
        var towns = rng.Shuffle(Lexicon.Cities).Take(n).ToList();

        // A random spanning tree keeps every town reachable; extra roads create alternative routes.
        var roads = new List<(int A, int B, int Km)>();
        for (int i = 1; i < n; i++)
        {
            roads.Add((rng.Next(i), i, rng.Between(2, 20)));
        }

        for (int attempt = 0; attempt < 50 && extra > 0; attempt++)
        {
            int a = rng.Next(n);
            int b = rng.Next(n);
            if (a != b && !roads.Exists(r => (r.A == a && r.B == b) || (r.A == b && r.B == a)))
            {
                roads.Add((a, b, rng.Between(2, 20)));
                extra--;
            }
        }

        roads = rng.Shuffle(roads);
        int from = rng.Next(n);
        int to = (from + rng.Between(1, n - 1)) % n;
        int distance = Dijkstra(n, roads, from)[to];

        var builder = new StringBuilder();
        builder.Append(rng.Next(3) switch
        {
            0 => $"{who} studies a map with {roads.Count} two-way roads between {n} towns:",
            1 => $"A delivery company lists {roads.Count} roads, each usable in both directions, that connect {n} towns:",
            _ => $"The region has {roads.Count} roads linking {n} towns, and every road can be driven both ways:",
        });
        builder.Append('\n');
        bool dash = rng.Chance(0.5);
        foreach (var (a, b, km) in roads)
        {
            builder.Append(dash ? $"- {towns[a]} - {towns[b]}: {km} km" : $"- between {towns[a]} and {towns[b]}, {km} km").Append('\n');
        }

        builder.Append('\n').Append(rng.Chance(0.5)
            ? $"What is the length in km of the shortest route from {towns[from]} to {towns[to]}?"
            : $"{who} drives from {towns[from]} to {towns[to]}. How many km long is the shortest possible route?");
        builder.Append(" Answer with a single number.");
        return new FamilySample(builder.ToString(), ExpectedAnswer.Number(distance));
    }

    /// <inheritdoc />
    public CheckResult Check(FamilySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        string[] blocks = sample.Prompt.Split("\n\n");
        if (blocks.Length != 2)
        {
            return CheckResult.Fail("expected a map and a question");
        }

        string[] lines = blocks[0].Split('\n');
        var intro = Intro().Match(lines[0]);
        var question = Question().Match(blocks[1]);
        if (!intro.Success || !question.Success)
        {
            return CheckResult.Fail("intro or question not recognised");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var roads = new List<(int A, int B, int Km)>();
        foreach (string line in lines.Skip(1))
        {
            var road = Road().Match(line);
            if (!road.Success)
            {
                return CheckResult.Fail($"road not understood: {line}");
            }

            int a = index.TryAdd(road.Groups["a"].Value, index.Count) ? index.Count - 1 : index[road.Groups["a"].Value];
            int b = index.TryAdd(road.Groups["b"].Value, index.Count) ? index.Count - 1 : index[road.Groups["b"].Value];
            roads.Add((a, b, PromptText.ParseInt(road.Groups["km"].Value)));
        }

        if (roads.Count != PromptText.ParseInt(intro.Groups["m"].Value) || index.Count != PromptText.ParseInt(intro.Groups["n"].Value))
        {
            return CheckResult.Fail("the map does not have the announced number of roads and towns");
        }

        if (!index.TryGetValue(question.Groups["from"].Value, out int from) || !index.TryGetValue(question.Groups["to"].Value, out int to))
        {
            return CheckResult.Fail("the question names a town that is not on the map");
        }

        // Floyd-Warshall over all pairs, independent of the generator's single-source search.
        int n = index.Count;
        const int Infinity = int.MaxValue / 4;
        var d = new int[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                d[i, j] = i == j ? 0 : Infinity;
            }
        }

        foreach (var (a, b, km) in roads)
        {
            d[a, b] = Math.Min(d[a, b], km);
            d[b, a] = Math.Min(d[b, a], km);
        }

        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    d[i, j] = Math.Min(d[i, j], d[i, k] + d[k, j]);
                }
            }
        }

        return d[from, to] >= Infinity ? CheckResult.Fail("no route exists") : PromptText.CheckNumber(sample, d[from, to]);
    }

    private static int[] Dijkstra(int n, List<(int A, int B, int Km)> roads, int from)
    {
        var distance = Enumerable.Repeat(int.MaxValue, n).ToArray();
        var done = new bool[n];
        distance[from] = 0;
        for (int step = 0; step < n; step++)
        {
            int u = Enumerable.Range(0, n).Where(i => !done[i]).MinBy(i => distance[i]);
            done[u] = true;
            foreach (var (a, b, km) in roads.Where(r => r.A == u || r.B == u))
            {
                int v = a == u ? b : a;
                distance[v] = Math.Min(distance[v], distance[u] + km);
            }
        }

        return distance;
    }

    [GeneratedRegex(@"^(?:\w+ studies a map with (?<m>\d+) two-way roads between (?<n>\d+) towns:|A delivery company lists (?<m>\d+) roads, each usable in both directions, that connect (?<n>\d+) towns:|The region has (?<m>\d+) roads linking (?<n>\d+) towns, and every road can be driven both ways:)$")]
    private static partial Regex Intro();

    [GeneratedRegex(@"^- (?:(?<a>\w+) - (?<b>\w+): (?<km>\d+) km|between (?<a>\w+) and (?<b>\w+), (?<km>\d+) km)$")]
    private static partial Regex Road();

    [GeneratedRegex(@"^(?:What is the length in km of the shortest route from (?<from>\w+) to (?<to>\w+)\?|\w+ drives from (?<from>\w+) to (?<to>\w+)\. How many km long is the shortest possible route\?) Answer with a single number\.$")]
    private static partial Regex Question();
}
