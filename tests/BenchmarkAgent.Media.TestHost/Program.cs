using System.Globalization;
using BenchmarkAgent;
using BenchmarkAgent.Media;

// Usage: BenchmarkAgent.Media.TestHost <seed count>
//   prints "<family id> <difficulty> <seed> <sha256>[,<sha256>...]" for seeds 0..count-1 of every level of every family.
// Usage: BenchmarkAgent.Media.TestHost dump <folder> <seed>
//   writes every family's sample of that seed at every level (media files and the prompt) into the folder, for eyes.
if (args is ["dump", string folder, string seedText])
{
    Directory.CreateDirectory(folder);
    ulong seed = ulong.Parse(seedText, CultureInfo.InvariantCulture);
    foreach (var family in MediaTaskFamilies.Create(Environment.GetEnvironmentVariable("PATH")).Families)
    {
        foreach (var difficulty in Enum.GetValues<Difficulty>())
        {
            var sample = family.Generate(seed, difficulty);
            string name = $"{family.Card.Id}-{difficulty}".ToLowerInvariant();
            File.WriteAllText(Path.Combine(folder, name + ".txt"), sample.Prompt + "\n\nanswer: " + sample.Answer.Value + "\n");
            for (int i = 0; i < sample.Media.Count; i++)
            {
                MediaTypes.TryGetExtension(sample.Media[i].MediaType, out string? extension);
                File.WriteAllBytes(Path.Combine(folder, $"{name}-{i}{extension}"), sample.Media[i].Bytes.ToArray());
            }
        }
    }

    return;
}

int count = int.Parse(args[0], CultureInfo.InvariantCulture);
foreach (var family in MediaTaskFamilies.Create(Environment.GetEnvironmentVariable("PATH")).Families)
{
    foreach (var difficulty in Enum.GetValues<Difficulty>())
    {
        for (ulong seed = 0; seed < (ulong)count; seed++)
        {
            var sample = family.Generate(seed, difficulty);
            Console.WriteLine($"{family.Card.Id} {difficulty} {seed} {string.Join(',', sample.Media.Select(m => m.Sha256))}");
        }
    }
}
