using YamlDotNet.RepresentationModel;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>Reads the GitHub Actions workflow the template adds: YAML nodes by path, a job's steps, expressions.</summary>
internal static class WorkflowYaml
{
    public const string WorkflowPath = ".github/workflows/benchmarks.yml";

    public static YamlMappingNode LoadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    public static YamlNode? Find(YamlNode node, params string[] path)
    {
        foreach (string key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    public static string Scalar(YamlNode node, params string[] path) =>
        Assert.IsType<YamlScalarNode>(Find(node, path) ?? throw new Xunit.Sdk.XunitException($"the workflow has no {string.Join('.', path)}")).Value!;

    public static List<YamlMappingNode> Steps(YamlNode root, string job) =>
        Assert.IsType<YamlSequenceNode>(Find(root, "jobs", job, "steps")).Children.Cast<YamlMappingNode>().ToList();

    public static string Run(YamlNode step) => (Find(step, "run") as YamlScalarNode)?.Value ?? string.Empty;

    public static string Uses(YamlNode step) => (Find(step, "uses") as YamlScalarNode)?.Value ?? string.Empty;

    /// <summary>Replaces the <c>${{ ... }}</c> expressions the runner would, failing on any it does not know.</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> expressions) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\$\{\{\s*([^}]+?)\s*\}\}", m =>
            expressions.TryGetValue(m.Groups[1].Value, out string? value) ? value : throw new Xunit.Sdk.XunitException($"unknown expression {m.Value}"));
}
