// Offline generation throughput: 10,000 verified items over every built-in family (the full
// plan -> generate -> verify -> serialise pipeline), against a baseline of raw family.Generate calls
// for the same (family, seed, difficulty) stream in the same run. Then reading that snapshot back
// (SnapshotReader, with line numbers for every item) against parsing the same file with JsonDocument alone.
using System.Diagnostics;
using System.Globalization;
using BenchmarkAgent;
using BenchmarkAgent.Execution;
using BenchmarkAgent.Families;
using BenchmarkAgent.Planning;
using BenchmarkAgent.Snapshots;

const int Items = 10_000;
int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var families = BuiltInTaskFamilies.All;
var quotas = QuotaAllocator.Allocate(Items, families.Select(_ => 1.0).ToList());
var request = new BenchmarkRequest("throughput", "all families", Items, Seed: 1);
var plan = new BenchmarkPlan(request, "offline", families.Select((f, i) => new PlannedSubtask(
    f.Card.Id, f.Card.Description, f.Card.Skill, f.Card.AnswerType, null, new FamilySource(f.Card.Id), 1, "bench", quotas[i])).ToList(), []);
// The production generation path (what the build task runs), with the fingerprint computed once.
var generator = new SnapshotGenerator(families);
string fingerprint = InputFingerprint.Compute(request);

double RawGenerate()
{
    var watch = Stopwatch.StartNew();
    int n = 0;
    Difficulty[] levels = [Difficulty.Easy, Difficulty.Medium, Difficulty.Hard];
    for (int s = 0; s < plan.Subtasks.Count; s++)
    {
        for (int i = 0; i < plan.Subtasks[s].Quota; i++, n++)
        {
            families[s].Generate(StableHash.Seed(request.Seed, plan.Subtasks[s].Name, i, 0), levels[i % 3]);
        }
    }

    return watch.Elapsed.TotalSeconds;
}

(double Seconds, int Count, int Bytes) Pipeline()
{
    var watch = Stopwatch.StartNew();
    var snapshot = generator.Generate(plan, fingerprint);
    int bytes = SnapshotWriter.ItemsBytes("throughput", snapshot.Items).Length + SnapshotWriter.PlanBytes(snapshot).Length;
    return (watch.Elapsed.TotalSeconds, snapshot.Items.Count, bytes);
}

RawGenerate();
Pipeline(); // warm-up (JIT)
var raw = new List<double>();
var full = new List<double>();
int count = 0, size = 0;
for (int r = 0; r < rounds; r++)
{
    raw.Add(RawGenerate());
    var p = Pipeline();
    full.Add(p.Seconds);
    (count, size) = (p.Count, p.Bytes);
}

// Read-back: the items file as committed, read as a build or a test run reads it.
string itemsPath = Path.Combine(Path.GetTempPath(), $"benchagent-read-{Environment.ProcessId}.json");
File.WriteAllBytes(itemsPath, SnapshotWriter.ItemsBytes("throughput", generator.Generate(plan, fingerprint).Items));
var parse = new List<double>();
var read = new List<double>();
int readItems = 0;
for (int r = 0; r <= rounds; r++)
{
    var watch = Stopwatch.StartNew();
    using (System.Text.Json.JsonDocument.Parse(File.ReadAllText(itemsPath)))
    {
    }

    double parsed = watch.Elapsed.TotalSeconds;
    watch.Restart();
    readItems = SnapshotReader.ReadItemsFile(itemsPath).Items.Count;
    if (r > 0) // the first round warms up
    {
        parse.Add(parsed);
        read.Add(watch.Elapsed.TotalSeconds);
    }
}

File.Delete(itemsPath);

static double Median(List<double> xs) { var s = xs.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
double rawMedian = Median(raw), fullMedian = Median(full);
using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"families: {families.Count}, items: {count}, rounds: {rounds}, snapshot bytes: {size:N0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| run | median s | items/s |"));
Console.WriteLine("|---|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| baseline: raw family.Generate | {rawMedian:0.000} | {Items / rawMedian:N0} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pipeline: generate + verify + serialise | {fullMedian:0.000} | {count / fullMedian:N0} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio pipeline/baseline: {fullMedian / rawMedian:0.00}; goal: 10,000 verified items in < 2 s -> {(fullMedian < 2 ? "met" : "missed")}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| baseline: read the items file + JsonDocument.Parse | {Median(parse):0.000} | {readItems / Median(parse):N0} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| read back: SnapshotReader.ReadItemsFile ({readItems:N0} items, with line numbers) | {Median(read):0.000} | {readItems / Median(read):N0} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio read/parse: {Median(read) / Median(parse):0.00}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set: {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB; allocated: {GC.GetTotalAllocatedBytes() / (1024.0 * 1024):0} MiB"));

// Where the time goes: generation vs the independent checker, per family (500 items each).
Console.WriteLine();
Console.WriteLine("| family | generate ms / 500 | check ms / 500 |");
Console.WriteLine("|---|---:|---:|");
foreach (var family in families)
{
    var samples = new List<FamilySample>(500);
    var g = Stopwatch.StartNew();
    for (int i = 0; i < 500; i++)
    {
        samples.Add(family.Generate((ulong)i, (Difficulty)(1 + (i % 3))));
    }

    g.Stop();
    var c = Stopwatch.StartNew();
    foreach (var sample in samples)
    {
        family.Check(sample);
    }

    c.Stop();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {family.Card.Id} | {g.Elapsed.TotalMilliseconds:0} | {c.Elapsed.TotalMilliseconds:0} |"));
}
