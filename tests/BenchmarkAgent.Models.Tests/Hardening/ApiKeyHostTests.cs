namespace BenchmarkAgent.Models.Tests.Hardening;

/// <summary>
/// Issue 16, weaker finding: <c>OPENAI_API_KEY</c> was sent to whatever host the subject endpoint named. It goes only to
/// <c>OPENAI_BASE_URL</c> or the OpenAI host, never to a role endpoint configured elsewhere (DESIGN.md section 4).
/// </summary>
public sealed class ApiKeyHostTests
{
    private static string? KeyFor(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        var result = new ModelRoleSettingsReader(name => map.GetValueOrDefault(name)).Read(ModelRole.Subject);
        return result.GetRequiredSettings().ApiKey;
    }

    [Fact]
    public void The_OpenAI_key_is_not_sent_to_a_subject_endpoint_configured_elsewhere()
    {
        Assert.Null(KeyFor(("BENCHAGENT_SUBJECT_ENDPOINT", "https://attacker.example/v1"), ("BENCHAGENT_SUBJECT_MODEL", "m"), ("OPENAI_API_KEY", "sk-planted")));
        Assert.Null(KeyFor(("BENCHAGENT_SUBJECT_ENDPOINT", "https://api.openai.com.attacker.example/v1"), ("BENCHAGENT_SUBJECT_MODEL", "m"), ("OPENAI_API_KEY", "sk-planted")));
        Assert.Null(KeyFor(("BENCHAGENT_SUBJECT_ENDPOINT", "http://127.0.0.1:9/v1"), ("BENCHAGENT_SUBJECT_MODEL", "m"), ("OPENAI_BASE_URL", "http://127.0.0.1:8/v1"), ("OPENAI_API_KEY", "sk-planted")));
    }

    [Fact]
    public void The_OpenAI_key_goes_to_OPENAI_BASE_URL_or_the_OpenAI_host_and_a_role_key_always_to_its_endpoint()
    {
        Assert.Equal("sk-shared", KeyFor(("OPENAI_BASE_URL", "http://127.0.0.1:8/v1"), ("BENCHAGENT_SUBJECT_MODEL", "m"), ("OPENAI_API_KEY", "sk-shared")));
        Assert.Equal("sk-shared", KeyFor(("BENCHAGENT_SUBJECT_ENDPOINT", "https://api.openai.com/v1"), ("BENCHAGENT_SUBJECT_MODEL", "m"), ("OPENAI_API_KEY", "sk-shared")));
        Assert.Equal("sk-role", KeyFor(("BENCHAGENT_SUBJECT_ENDPOINT", "https://other.example/v1"), ("BENCHAGENT_SUBJECT_MODEL", "m"), ("BENCHAGENT_SUBJECT_API_KEY", "sk-role"), ("OPENAI_API_KEY", "sk-shared")));
    }
}
