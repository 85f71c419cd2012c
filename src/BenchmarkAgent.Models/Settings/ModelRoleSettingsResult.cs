namespace BenchmarkAgent.Models;

/// <summary>
/// The result of reading one role's configuration: settings, a baseline, or a message explaining what is missing or
/// wrong. Messages never contain API keys or raw variable values.
/// </summary>
/// <param name="Role">The role that was read.</param>
/// <param name="Status">Which of the outcomes applies.</param>
/// <param name="Settings">The settings when <paramref name="Status"/> is <see cref="ModelRoleSettingsStatus.Configured"/>.</param>
/// <param name="Baseline">The baseline name (e.g. <c>random-guess</c>) when <paramref name="Status"/> is <see cref="ModelRoleSettingsStatus.Baseline"/>.</param>
/// <param name="ErrorCode">The stable <c>BA</c> error code when <paramref name="Status"/> is <see cref="ModelRoleSettingsStatus.Invalid"/>.</param>
/// <param name="Message">A human-readable description of the outcome; for errors it starts with the code.</param>
internal sealed record ModelRoleSettingsResult(
    ModelRole Role,
    ModelRoleSettingsStatus Status,
    ModelRoleSettings? Settings,
    string? Baseline,
    string? ErrorCode,
    string Message)
{
    /// <summary>Gets a value indicating whether a model or a baseline is usable.</summary>
    public bool IsUsable => Status is ModelRoleSettingsStatus.Configured or ModelRoleSettingsStatus.Baseline;

    /// <summary>Creates a result for usable settings.</summary>
    /// <param name="settings">The settings read.</param>
    /// <returns>A <see cref="ModelRoleSettingsStatus.Configured"/> result.</returns>
    public static ModelRoleSettingsResult Configured(ModelRoleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Role, ModelRoleSettingsStatus.Configured, settings, null, null, $"Using {settings}.");
    }

    /// <summary>Creates a result for a built-in baseline.</summary>
    /// <param name="role">The role (always <see cref="ModelRole.Subject"/> today).</param>
    /// <param name="baseline">The baseline name.</param>
    /// <returns>A <see cref="ModelRoleSettingsStatus.Baseline"/> result.</returns>
    public static ModelRoleSettingsResult ForBaseline(ModelRole role, string baseline) =>
        new(role, ModelRoleSettingsStatus.Baseline, null, baseline, null,
            $"Using the built-in '{baseline}' baseline as the {role.ToString().ToLowerInvariant()}; its scores are chance level, not a model's.");

    /// <summary>Creates a result for a role with nothing configured.</summary>
    /// <param name="role">The role.</param>
    /// <param name="message">What to set.</param>
    /// <returns>A <see cref="ModelRoleSettingsStatus.NotConfigured"/> result.</returns>
    public static ModelRoleSettingsResult NotConfigured(ModelRole role, string message) =>
        new(role, ModelRoleSettingsStatus.NotConfigured, null, null, null, message);

    /// <summary>Creates a result for a wrong configuration.</summary>
    /// <param name="role">The role.</param>
    /// <param name="errorCode">The stable error code.</param>
    /// <param name="message">The explanation, without the code (it is prefixed).</param>
    /// <returns>An <see cref="ModelRoleSettingsStatus.Invalid"/> result whose message starts with the code.</returns>
    public static ModelRoleSettingsResult Invalid(ModelRole role, string errorCode, string message) =>
        new(role, ModelRoleSettingsStatus.Invalid, null, null, errorCode, $"{errorCode}: {message}");

    /// <summary>Returns the settings, or throws with <see cref="Message"/> when no model endpoint is configured.</summary>
    /// <returns>The configured settings.</returns>
    /// <exception cref="InvalidOperationException">The status is not <see cref="ModelRoleSettingsStatus.Configured"/>.</exception>
    public ModelRoleSettings GetRequiredSettings() =>
        Settings ?? throw new InvalidOperationException(Message);
}
