using System.Diagnostics;
using System.Globalization;
using BenchmarkAgent;
using BenchmarkAgent.Families;
using BenchmarkAgent.Media;

// Renders media family items and prints, per family, the time per item (generation: spec, drawing or synthesis, PNG or
// WAV encoding), the time per check (decode and measure), and the media bytes per item; then the goal line: 1,000
// chart items (bar, line, pie in turn, all three levels) in under 10 s.
int chartItems = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var families = MediaTaskFamilies.Create(Environment.GetEnvironmentVariable("PATH")).Families;
const int PerFamily = 60;

// Warm-up: load SkiaSharp, the font, espeak-ng's word cache.
foreach (var family in families)
{
    family.Check(family.Generate(1, Difficulty.Medium));
}

Console.WriteLine($"| family | items | ms per item (generate) | ms per check | media bytes per item (mean) | min | max |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var family in families)
{
    var generate = new Stopwatch();
    var check = new Stopwatch();
    var sizes = new List<int>();
    for (int i = 0; i < PerFamily; i++)
    {
        generate.Start();
        var sample = family.Generate((ulong)(i + 100), (Difficulty)((i % 3) + 1));
        generate.Stop();
        check.Start();
        bool agrees = family.Check(sample).Agrees;
        check.Stop();
        if (!agrees)
        {
            throw new InvalidOperationException($"{family.Card.Id} seed {i + 100}: checker disagrees");
        }

        sizes.Add(sample.Media.Sum(m => m.Bytes.Length));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {family.Card.Id} | {PerFamily} | {generate.Elapsed.TotalMilliseconds / PerFamily:F2} | {check.Elapsed.TotalMilliseconds / PerFamily:F2} | {sizes.Average():F0} | {sizes.Min()} | {sizes.Max()} |"));
}

var charts = families.Where(f => f.Card.Id is "bar-chart-reading" or "line-chart-reading" or "pie-chart-reading").ToList();
long bytes = 0;
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var total = Stopwatch.StartNew();
for (int i = 0; i < chartItems; i++)
{
    var sample = charts[i % charts.Count].Generate((ulong)(i + 5000), (Difficulty)((i % 3) + 1));
    bytes += sample.Media.Sum(m => m.Bytes.Length);
}

total.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU time of the {chartItems} chart items: {cpu.TotalSeconds:F2} s ({cpu.TotalMilliseconds / chartItems:F2} ms per item); load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} CPUs"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{chartItems} chart items (bar, line, pie; all levels): {total.Elapsed.TotalSeconds:F2} s ({total.Elapsed.TotalMilliseconds / chartItems:F2} ms per item), {bytes / 1024.0 / 1024.0:F1} MiB of PNG ({bytes / chartItems} bytes per item); goal < 10 s: {(total.Elapsed.TotalSeconds < 10 ? "met" : "NOT met")}"));
