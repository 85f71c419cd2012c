using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace BenchmarkAgent.EndToEnd.Tests;

/// <summary>The Azure Pipelines snippets of docs/ci-sharding.md and the template README are valid YAML that shards and merges.</summary>
public sealed partial class AzurePipelinesDocsTests
{
    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [Theory]
    [InlineData("docs/ci-sharding.md")]
    [InlineData("templates/content/benchagent/README.md")]
    public void The_Azure_Pipelines_snippet_is_valid_yaml_with_a_parallel_shard_job_and_a_merge_job(string document)
    {
        string text = File.ReadAllText(Path.Combine(TemplateWorkspace.RepositoryRoot(), document));
        string yaml = Assert.Single(YamlBlock().Matches(text)).Groups["yaml"].Value;
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var jobs = ((YamlSequenceNode)root["jobs"]).Children.Cast<YamlMappingNode>().ToDictionary(j => ((YamlScalarNode)j["job"]).Value!);

        Assert.Equal("true", ((YamlScalarNode)((YamlMappingNode)root["variables"])["CI"]).Value);
        var shard = jobs["shard"];
        Assert.Equal("4", ((YamlScalarNode)((YamlMappingNode)shard["strategy"])["parallel"]).Value);
        var shardSteps = ((YamlSequenceNode)shard["steps"]).Children.Cast<YamlMappingNode>().ToList();
        var test = shardSteps.Single(s => s.Children.ContainsKey(new YamlScalarNode("script")));
        Assert.Contains("BENCHAGENT_SHARD=\"$(System.JobPositionInPhase)/$(System.TotalJobsInPhase)\" dotnet test", ((YamlScalarNode)test["script"]).Value);
        Assert.Equal("$(BENCHAGENT_SUBJECT_API_KEY)", ((YamlScalarNode)((YamlMappingNode)test["env"])["BENCHAGENT_SUBJECT_API_KEY"]).Value);
        Assert.Contains(shardSteps, s => s.Children.TryGetValue(new YamlScalarNode("task"), out var t) && ((YamlScalarNode)t).Value == "PublishPipelineArtifact@1");

        var merge = jobs["merge"];
        Assert.Equal("shard", ((YamlScalarNode)merge["dependsOn"]).Value);
        Assert.Equal("succeededOrFailed()", ((YamlScalarNode)merge["condition"]).Value);
        var mergeSteps = ((YamlSequenceNode)merge["steps"]).Children.Cast<YamlMappingNode>().ToList();
        var download = mergeSteps.Single(s => s.Children.TryGetValue(new YamlScalarNode("task"), out var t) && ((YamlScalarNode)t).Value == "DownloadPipelineArtifact@2");
        Assert.Contains("shard-*-of-*.json", ((YamlScalarNode)((YamlMappingNode)download["inputs"])["itemPattern"]).Value);
        var run = mergeSteps.First(s => s.Children.ContainsKey(new YamlScalarNode("env")));
        Assert.Equal("$(Pipeline.Workspace)/shards", ((YamlScalarNode)((YamlMappingNode)run["env"])["BENCHAGENT_MERGE"]).Value);
        Assert.Contains(mergeSteps, s => s.Children.TryGetValue(new YamlScalarNode("script"), out var script) && ((YamlScalarNode)script).Value!.Contains("task.uploadsummary", StringComparison.Ordinal));
        Assert.Contains(mergeSteps, s => s.Children.TryGetValue(new YamlScalarNode("inputs"), out var inputs)
            && ((YamlMappingNode)inputs).Children.TryGetValue(new YamlScalarNode("targetPath"), out var path) && ((YamlScalarNode)path).Value!.EndsWith("report.html", StringComparison.Ordinal));
    }
}
