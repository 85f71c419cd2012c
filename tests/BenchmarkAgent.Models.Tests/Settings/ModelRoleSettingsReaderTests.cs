namespace BenchmarkAgent.Models.Tests.Settings;

public sealed class ModelRoleSettingsReaderTests
{
    private static ModelRoleSettingsResult Read(ModelRole role, params (string Name, string? Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return new ModelRoleSettingsReader(name => map.GetValueOrDefault(name)).Read(role);
    }

    [Theory]
    [InlineData(ModelRole.Generator, "GENERATOR")]
    [InlineData(ModelRole.Judge, "JUDGE")]
    [InlineData(ModelRole.Subject, "SUBJECT")]
    public void Reads_role_specific_variables(object roleValue, string upper)
    {
        var role = (ModelRole)roleValue;
        var result = Read(role,
            ($"BENCHAGENT_{upper}_ENDPOINT", "http://127.0.0.1:5000/v1"),
            ($"BENCHAGENT_{upper}_MODEL", "m-1"),
            ($"BENCHAGENT_{upper}_API_KEY", "sk-role"));

        Assert.Equal(ModelRoleSettingsStatus.Configured, result.Status);
        Assert.True(result.IsUsable);
        var settings = result.GetRequiredSettings();
        Assert.Equal(role, settings.Role);
        Assert.Equal(new Uri("http://127.0.0.1:5000/v1"), settings.Endpoint);
        Assert.Equal("m-1", settings.Model);
        Assert.Equal("sk-role", settings.ApiKey);
    }

    [Fact]
    public void Other_roles_variables_are_ignored()
    {
        var result = Read(ModelRole.Judge,
            ("BENCHAGENT_SUBJECT_ENDPOINT", "http://a/v1"),
            ("BENCHAGENT_SUBJECT_MODEL", "m"));

        Assert.Equal(ModelRoleSettingsStatus.NotConfigured, result.Status);
    }

    [Fact]
    public void Falls_back_to_openai_base_url_and_key()
    {
        var result = Read(ModelRole.Subject,
            ("OPENAI_BASE_URL", "https://api.example.com/v1"),
            ("OPENAI_API_KEY", "sk-shared"),
            ("BENCHAGENT_SUBJECT_MODEL", "gpt-4o-mini"));

        var settings = result.GetRequiredSettings();
        Assert.Equal(new Uri("https://api.example.com/v1"), settings.Endpoint);
        Assert.Equal("sk-shared", settings.ApiKey);
    }

    [Fact]
    public void Role_variables_take_precedence_over_openai_fallbacks()
    {
        var result = Read(ModelRole.Generator,
            ("OPENAI_BASE_URL", "https://fallback/v1"),
            ("OPENAI_API_KEY", "sk-fallback"),
            ("BENCHAGENT_GENERATOR_ENDPOINT", "https://role/v1"),
            ("BENCHAGENT_GENERATOR_API_KEY", "sk-role"),
            ("BENCHAGENT_GENERATOR_MODEL", "m"));

        var settings = result.GetRequiredSettings();
        Assert.Equal(new Uri("https://role/v1"), settings.Endpoint);
        Assert.Equal("sk-role", settings.ApiKey);
    }

    [Fact]
    public void Key_is_optional()
    {
        var settings = Read(ModelRole.Subject,
            ("BENCHAGENT_SUBJECT_ENDPOINT", "http://localhost:11434/v1"),
            ("BENCHAGENT_SUBJECT_MODEL", "llama3")).GetRequiredSettings();

        Assert.Null(settings.ApiKey);
        Assert.False(settings.HasApiKey);
    }

    [Fact]
    public void Empty_and_whitespace_values_count_as_unset_and_values_are_trimmed()
    {
        var result = Read(ModelRole.Subject,
            ("BENCHAGENT_SUBJECT_ENDPOINT", "   "),
            ("OPENAI_BASE_URL", " https://fallback/v1 "),
            ("BENCHAGENT_SUBJECT_API_KEY", ""),
            ("OPENAI_API_KEY", "sk-x"),
            ("BENCHAGENT_SUBJECT_MODEL", " m "));

        var settings = result.GetRequiredSettings();
        Assert.Equal(new Uri("https://fallback/v1"), settings.Endpoint);
        Assert.Equal("sk-x", settings.ApiKey);
        Assert.Equal("m", settings.Model);
    }

    [Fact]
    public void Not_configured_subject_message_is_exact()
    {
        var result = Read(ModelRole.Subject);

        Assert.Equal(ModelRoleSettingsStatus.NotConfigured, result.Status);
        Assert.False(result.IsUsable);
        Assert.Null(result.ErrorCode);
        Assert.Equal(
            "No subject model is configured. Set BENCHAGENT_SUBJECT_ENDPOINT (e.g. https://api.openai.com/v1) and BENCHAGENT_SUBJECT_MODEL (e.g. gpt-4o-mini), plus BENCHAGENT_SUBJECT_API_KEY if the endpoint needs one; or set BENCHAGENT_SUBJECT_BASELINE=random-guess for a chance-level baseline; or supply an IChatClient in code.",
            result.Message);
        var error = Assert.Throws<InvalidOperationException>(() => result.GetRequiredSettings());
        Assert.Equal(result.Message, error.Message);
    }

    [Fact]
    public void Not_configured_judge_message_has_no_baseline_hint()
    {
        var result = Read(ModelRole.Judge, ("OPENAI_API_KEY", "sk-only-a-key"));

        Assert.Equal(ModelRoleSettingsStatus.NotConfigured, result.Status);
        Assert.Equal(
            "No judge model is configured. Set BENCHAGENT_JUDGE_ENDPOINT (e.g. https://api.openai.com/v1) and BENCHAGENT_JUDGE_MODEL (e.g. gpt-4o-mini), plus BENCHAGENT_JUDGE_API_KEY if the endpoint needs one; or supply an IChatClient in code.",
            result.Message);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("api.example.org/v1")]
    [InlineData("ftp://example.com/v1")]
    [InlineData("/v1/chat")]
    [InlineData("sk-secret-pasted-by-mistake")]
    public void Bad_endpoint_is_BA2001_and_the_value_is_not_echoed(string endpoint)
    {
        var result = Read(ModelRole.Subject,
            ("BENCHAGENT_SUBJECT_ENDPOINT", endpoint),
            ("BENCHAGENT_SUBJECT_MODEL", "m"));

        Assert.Equal(ModelRoleSettingsStatus.Invalid, result.Status);
        Assert.Equal("BA2001", result.ErrorCode);
        Assert.StartsWith("BA2001: BENCHAGENT_SUBJECT_ENDPOINT is not an absolute http or https URL.", result.Message);
        Assert.DoesNotContain(endpoint, result.Message);
        Assert.Null(result.Settings);
    }

    [Fact]
    public void Bad_fallback_endpoint_names_OPENAI_BASE_URL()
    {
        var result = Read(ModelRole.Judge, ("OPENAI_BASE_URL", "localhost:8080"), ("BENCHAGENT_JUDGE_MODEL", "m"));

        Assert.Equal("BA2001", result.ErrorCode);
        Assert.StartsWith("BA2001: OPENAI_BASE_URL is not", result.Message);
    }

    [Fact]
    public void Endpoint_without_model_is_BA2002()
    {
        var result = Read(ModelRole.Subject, ("BENCHAGENT_SUBJECT_ENDPOINT", "https://api.openai.com/v1"), ("OPENAI_API_KEY", "sk-abc"));

        Assert.Equal(ModelRoleSettingsStatus.Invalid, result.Status);
        Assert.Equal("BA2002", result.ErrorCode);
        Assert.StartsWith("BA2002: ", result.Message);
        Assert.Contains("BENCHAGENT_SUBJECT_MODEL", result.Message);
        Assert.DoesNotContain("sk-abc", result.Message);
    }

    [Fact]
    public void Fallback_endpoint_without_model_is_BA2002()
    {
        var result = Read(ModelRole.Generator, ("OPENAI_BASE_URL", "https://api.openai.com/v1"));

        Assert.Equal("BA2002", result.ErrorCode);
        Assert.Contains("OPENAI_BASE_URL", result.Message);
        Assert.Contains("BENCHAGENT_GENERATOR_MODEL", result.Message);
    }

    [Fact]
    public void Model_without_endpoint_is_BA2003()
    {
        var result = Read(ModelRole.Subject, ("BENCHAGENT_SUBJECT_MODEL", "gpt-4o-mini"));

        Assert.Equal("BA2003", result.ErrorCode);
        Assert.Contains("BENCHAGENT_SUBJECT_ENDPOINT", result.Message);
    }

    [Theory]
    [InlineData("random-guess")]
    [InlineData("Random-Guess")]
    public void Subject_baseline_is_selected_and_wins_over_an_endpoint(string value)
    {
        var result = Read(ModelRole.Subject,
            ("BENCHAGENT_SUBJECT_BASELINE", value),
            ("BENCHAGENT_SUBJECT_ENDPOINT", "https://api.openai.com/v1"),
            ("BENCHAGENT_SUBJECT_MODEL", "m"));

        Assert.Equal(ModelRoleSettingsStatus.Baseline, result.Status);
        Assert.True(result.IsUsable);
        Assert.Equal("random-guess", result.Baseline);
        Assert.Null(result.Settings);
        Assert.Contains("chance level", result.Message);
    }

    [Fact]
    public void Baseline_variable_only_applies_to_the_subject()
    {
        var result = Read(ModelRole.Judge, ("BENCHAGENT_SUBJECT_BASELINE", "random-guess"));

        Assert.Equal(ModelRoleSettingsStatus.NotConfigured, result.Status);
    }

    [Fact]
    public void Unknown_baseline_is_BA2004()
    {
        var result = Read(ModelRole.Subject, ("BENCHAGENT_SUBJECT_BASELINE", "always-a"));

        Assert.Equal("BA2004", result.ErrorCode);
        Assert.Contains("random-guess", result.Message);
    }

    [Fact]
    public void ToString_never_contains_the_key()
    {
        const string key = "sk-super-secret-1234567890";
        var result = Read(ModelRole.Subject,
            ("BENCHAGENT_SUBJECT_ENDPOINT", "https://api.openai.com/v1"),
            ("BENCHAGENT_SUBJECT_MODEL", "gpt-4o-mini"),
            ("BENCHAGENT_SUBJECT_API_KEY", key));

        var settings = result.GetRequiredSettings();
        Assert.DoesNotContain(key, settings.ToString());
        Assert.Contains("ApiKey = ***", settings.ToString());
        Assert.Contains("gpt-4o-mini", settings.ToString());
        Assert.DoesNotContain(key, result.ToString());
        Assert.DoesNotContain(key, result.Message);
        Assert.DoesNotContain(key, (settings with { Model = "other" }).ToString());
        Assert.DoesNotContain(key, $"{settings}");
    }

    [Fact]
    public void ToString_without_key_says_none()
    {
        var settings = new ModelRoleSettings(ModelRole.Judge, new Uri("http://localhost:11434/v1"), "llama3", null);

        Assert.Equal("ModelRoleSettings { Role = Judge, Endpoint = http://localhost:11434/v1, Model = llama3, ApiKey = (none) }", settings.ToString());
    }

    [Fact]
    public void Variable_names_follow_the_convention()
    {
        Assert.Equal("BENCHAGENT_JUDGE_API_KEY", RoleVariables.Judge.ApiKey);
        Assert.Equal("BENCHAGENT_GENERATOR_ENDPOINT", RoleVariables.Generator.Endpoint);
        foreach (var role in Enum.GetValues<ModelRole>())
        {
            string prefix = $"BENCHAGENT_{role.ToString().ToUpperInvariant()}_";
            var variables = RoleVariables.For(role);
            Assert.Equal([prefix + "ENDPOINT", prefix + "MODEL", prefix + "API_KEY", prefix + "AUTH"], [variables.Endpoint, variables.Model, variables.ApiKey, variables.Auth]);
        }
    }

    [Fact]
    public void The_shared_key_is_never_given_to_a_role_endpoint_elsewhere()
    {
        var settings = Read(ModelRole.Judge,
            ("OPENAI_BASE_URL", "https://api.example.com/v1"),
            ("OPENAI_API_KEY", "sk-shared"),
            ("BENCHAGENT_JUDGE_ENDPOINT", "http://judge.internal:8000/v1"),
            ("BENCHAGENT_JUDGE_MODEL", "m")).GetRequiredSettings();

        Assert.Null(settings.ApiKey);
        Assert.Equal(ModelAuthentication.ApiKey, settings.Authentication);
    }

    [Theory]
    [InlineData("https://api.openai.com/v1")]
    [InlineData("https://api.example.com/v1/")]
    public void The_shared_key_goes_to_the_openai_host_or_to_OPENAI_BASE_URL_named_again(string roleEndpoint)
    {
        var settings = Read(ModelRole.Subject,
            ("OPENAI_BASE_URL", "https://api.example.com/v1"),
            ("OPENAI_API_KEY", "sk-shared"),
            ("BENCHAGENT_SUBJECT_ENDPOINT", roleEndpoint),
            ("BENCHAGENT_SUBJECT_MODEL", "m")).GetRequiredSettings();

        Assert.Equal("sk-shared", settings.ApiKey);
    }

    [Fact]
    public void An_azure_endpoint_without_a_key_signs_in_with_entra()
    {
        var settings = Read(ModelRole.Judge,
            ("BENCHAGENT_JUDGE_ENDPOINT", "https://my-resource.openai.azure.com/openai/v1/"),
            ("BENCHAGENT_JUDGE_MODEL", "gpt-4o-mini")).GetRequiredSettings();

        Assert.Equal(ModelAuthentication.Entra, settings.Authentication);
        Assert.Null(settings.ApiKey);
        Assert.Contains("Authentication = Entra", settings.ToString());
    }

    [Fact]
    public void An_azure_endpoint_with_a_key_sends_the_key()
    {
        var settings = Read(ModelRole.Judge,
            ("BENCHAGENT_JUDGE_ENDPOINT", "https://my-resource.openai.azure.com/openai/v1/"),
            ("BENCHAGENT_JUDGE_API_KEY", "azure-key"),
            ("BENCHAGENT_JUDGE_MODEL", "gpt-4o-mini")).GetRequiredSettings();

        Assert.Equal(ModelAuthentication.ApiKey, settings.Authentication);
        Assert.Equal("azure-key", settings.ApiKey);
    }

    [Theory]
    [InlineData("entra", ModelAuthentication.Entra)]
    [InlineData("ENTRA", ModelAuthentication.Entra)]
    [InlineData("key", ModelAuthentication.ApiKey)]
    public void The_auth_switch_chooses_the_sign_in(string value, object expectedValue)
    {
        var expected = (ModelAuthentication)expectedValue;
        var settings = Read(ModelRole.Subject,
            ("BENCHAGENT_SUBJECT_ENDPOINT", "https://gateway.example.com/openai/v1/"),
            ("BENCHAGENT_SUBJECT_API_KEY", "sk-role"),
            ("BENCHAGENT_SUBJECT_MODEL", "m"),
            ("BENCHAGENT_SUBJECT_AUTH", value)).GetRequiredSettings();

        Assert.Equal(expected, settings.Authentication);
        Assert.Equal(expected == ModelAuthentication.Entra ? null : "sk-role", settings.ApiKey);
    }

    [Fact]
    public void An_unknown_auth_switch_is_BA2019_and_the_value_is_not_echoed()
    {
        var result = Read(ModelRole.Generator,
            ("BENCHAGENT_GENERATOR_ENDPOINT", "https://api.openai.com/v1"),
            ("BENCHAGENT_GENERATOR_MODEL", "m"),
            ("BENCHAGENT_GENERATOR_AUTH", "sk-pasted-here"));

        Assert.Equal("BA2019", result.ErrorCode);
        Assert.StartsWith("BA2019: BENCHAGENT_GENERATOR_AUTH must be 'key'", result.Message);
        Assert.DoesNotContain("sk-pasted-here", result.Message);
    }
}
