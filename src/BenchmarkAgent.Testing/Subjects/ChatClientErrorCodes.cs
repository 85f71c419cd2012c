namespace BenchmarkAgent.Testing.Subjects;

/// <summary>Stable codes of model-configuration errors, for documentation links and tests.</summary>
public static class ChatClientErrorCodes
{
    /// <summary>The endpoint is not an absolute http or https URL.</summary>
    public const string InvalidEndpoint = "BA2001";

    /// <summary>An endpoint is set but no model name.</summary>
    public const string MissingModel = "BA2002";

    /// <summary>A model name is set but no endpoint.</summary>
    public const string MissingEndpoint = "BA2003";

    /// <summary><c>BENCHAGENT_SUBJECT_BASELINE</c> names a baseline that does not exist.</summary>
    public const string UnknownBaseline = "BA2004";
}
