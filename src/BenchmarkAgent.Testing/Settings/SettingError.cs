namespace BenchmarkAgent.Testing.Settings;

/// <summary>A run setting that is set but wrong: the code, the variable and what to do about it.</summary>
/// <param name="Code">The stable <c>BA</c> code, e.g. <c>BA2006</c>.</param>
/// <param name="Variable">The environment variable, e.g. <c>BENCHAGENT_SUBJECT_CONCURRENCY</c>.</param>
/// <param name="Message">What is wrong and the allowed values, without the code; never an API key.</param>
internal sealed record SettingError(string Code, string Variable, string Message)
{
    /// <summary>The message as shown to the user: <c>BAxxxx: ...</c>.</summary>
    public string Text => $"{Code}: {Message}";

    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The code and the message.</returns>
    public override string ToString() => Text;
}
