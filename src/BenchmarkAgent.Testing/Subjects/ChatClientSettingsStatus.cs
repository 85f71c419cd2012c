namespace BenchmarkAgent.Testing.Subjects;

/// <summary>The outcome of reading one role's model configuration.</summary>
public enum ChatClientSettingsStatus
{
    /// <summary>An endpoint and a model are configured; <see cref="ChatClientSettingsResult.Settings"/> is set.</summary>
    Configured,

    /// <summary>A built-in baseline was requested (subject only); <see cref="ChatClientSettingsResult.Baseline"/> is set.</summary>
    Baseline,

    /// <summary>Nothing is configured; <see cref="ChatClientSettingsResult.Message"/> says what to set.</summary>
    NotConfigured,

    /// <summary>The configuration is present but wrong; <see cref="ChatClientSettingsResult.ErrorCode"/> names the problem.</summary>
    Invalid,
}
