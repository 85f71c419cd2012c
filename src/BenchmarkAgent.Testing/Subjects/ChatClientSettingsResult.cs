namespace BenchmarkAgent.Testing.Subjects;

/// <summary>
/// The result of reading one role's configuration: settings, a baseline, or a message explaining what is missing or
/// wrong. Messages never contain API keys or raw variable values.
/// </summary>
/// <param name="Role">The role that was read.</param>
/// <param name="Status">Which of the outcomes applies.</param>
/// <param name="Settings">The settings when <paramref name="Status"/> is <see cref="ChatClientSettingsStatus.Configured"/>.</param>
/// <param name="Baseline">The baseline name (e.g. <c>random-guess</c>) when <paramref name="Status"/> is <see cref="ChatClientSettingsStatus.Baseline"/>.</param>
/// <param name="ErrorCode">The stable error code (see <see cref="ErrorCodes"/>) when <paramref name="Status"/> is <see cref="ChatClientSettingsStatus.Invalid"/>.</param>
/// <param name="Message">A human-readable description of the outcome; for errors it starts with the code.</param>
public sealed record ChatClientSettingsResult(
    ModelRole Role,
    ChatClientSettingsStatus Status,
    ChatClientSettings? Settings,
    string? Baseline,
    string? ErrorCode,
    string Message)
{
    /// <summary>Gets a value indicating whether a model or a baseline is usable.</summary>
    public bool IsUsable => Status is ChatClientSettingsStatus.Configured or ChatClientSettingsStatus.Baseline;

    /// <summary>Creates a result for usable settings.</summary>
    /// <param name="settings">The settings read.</param>
    /// <returns>A <see cref="ChatClientSettingsStatus.Configured"/> result.</returns>
    public static ChatClientSettingsResult Configured(ChatClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Role, ChatClientSettingsStatus.Configured, settings, null, null, $"Using {settings}.");
    }

    /// <summary>Creates a result for a built-in baseline.</summary>
    /// <param name="role">The role (always <see cref="ModelRole.Subject"/> today).</param>
    /// <param name="baseline">The baseline name.</param>
    /// <returns>A <see cref="ChatClientSettingsStatus.Baseline"/> result.</returns>
    public static ChatClientSettingsResult ForBaseline(ModelRole role, string baseline) =>
        new(role, ChatClientSettingsStatus.Baseline, null, baseline, null,
            $"Using the built-in '{baseline}' baseline as the {role.ToString().ToLowerInvariant()}; its scores are chance level, not a model's.");

    /// <summary>Creates a result for a role with nothing configured.</summary>
    /// <param name="role">The role.</param>
    /// <param name="message">What to set.</param>
    /// <returns>A <see cref="ChatClientSettingsStatus.NotConfigured"/> result.</returns>
    public static ChatClientSettingsResult NotConfigured(ModelRole role, string message) =>
        new(role, ChatClientSettingsStatus.NotConfigured, null, null, null, message);

    /// <summary>Creates a result for a wrong configuration.</summary>
    /// <param name="role">The role.</param>
    /// <param name="errorCode">The stable error code.</param>
    /// <param name="message">The explanation, without the code (it is prefixed).</param>
    /// <returns>An <see cref="ChatClientSettingsStatus.Invalid"/> result whose message starts with the code.</returns>
    public static ChatClientSettingsResult Invalid(ModelRole role, string errorCode, string message) =>
        new(role, ChatClientSettingsStatus.Invalid, null, null, errorCode, $"{errorCode}: {message}");

    /// <summary>Returns the settings, or throws with <see cref="Message"/> when no model endpoint is configured.</summary>
    /// <returns>The configured settings.</returns>
    /// <exception cref="InvalidOperationException">The status is not <see cref="ChatClientSettingsStatus.Configured"/>.</exception>
    public ChatClientSettings GetRequiredSettings() =>
        Settings ?? throw new InvalidOperationException(Message);
}
