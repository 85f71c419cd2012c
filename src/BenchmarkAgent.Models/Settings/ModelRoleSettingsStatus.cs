namespace BenchmarkAgent.Models;

/// <summary>The outcome of reading one role's model configuration.</summary>
internal enum ModelRoleSettingsStatus
{
    /// <summary>An endpoint and a model are configured; <see cref="ModelRoleSettingsResult.Settings"/> is set.</summary>
    Configured,

    /// <summary>A built-in baseline was requested (subject only); <see cref="ModelRoleSettingsResult.Baseline"/> is set.</summary>
    Baseline,

    /// <summary>Nothing is configured; <see cref="ModelRoleSettingsResult.Message"/> says what to set.</summary>
    NotConfigured,

    /// <summary>The configuration is present but wrong; <see cref="ModelRoleSettingsResult.ErrorCode"/> names the problem.</summary>
    Invalid,
}
