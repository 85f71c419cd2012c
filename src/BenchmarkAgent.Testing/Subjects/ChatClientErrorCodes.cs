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

    /// <summary><c>BENCHAGENT_SUBJECT_REPEATS</c> is not an integer from 1 to 100.</summary>
    public const string InvalidRepeats = "BA2010";

    /// <summary>A model call kept failing with transient errors (429, 5xx, timeouts) until its attempts ran out.</summary>
    public const string CallFailedAfterRetries = "BA2011";

    /// <summary><c>BENCHAGENT_SUBJECT_CACHE</c> or <c>BENCHAGENT_JUDGE_CACHE</c> is not <c>true</c> or <c>false</c>.</summary>
    public const string InvalidCacheSwitch = "BA2012";

    /// <summary>The judge role is configured wrongly (its endpoint, model or key variables).</summary>
    public const string InvalidJudge = "BA2013";

    /// <summary><c>BENCHAGENT_JUDGE_CONCURRENCY</c> is not an integer from 1 to 1024.</summary>
    public const string InvalidJudgeConcurrency = "BA2014";

    /// <summary><c>BENCHAGENT_SUBJECT_RATE_LIMIT</c> or <c>BENCHAGENT_JUDGE_RATE_LIMIT</c> is not a positive number of requests per minute.</summary>
    public const string InvalidRateLimit = "BA2015";

    /// <summary><c>BENCHAGENT_SUBJECT_TEMPERATURE</c> is not a number from 0 to 2, or <c>BENCHAGENT_SUBJECT_MAX_TOKENS</c> not an integer from 1 to 1000000.</summary>
    public const string InvalidSampling = "BA2016";
}
