using BenchmarkAgent.Execution;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkAgent.Generation.Budgets;
using BenchmarkAgent.Generation.Json;
using BenchmarkAgent.Generation.Prompts;
using BenchmarkAgent.Items;
using BenchmarkAgent.Models;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Generation.Calls;

/// <summary>
/// Makes the structured calls of every stage: the stage's prompt as the system message, the stage input as JSON in the
/// user message, temperature 0, a seed derived from the input and a JSON-schema response format; the reply is read with
/// <see cref="TolerantJson"/> and validated. A refusal, unreadable JSON or an invalid value is a failed attempt, retried
/// with the problem added to the input (so the retry is a new request, not the cached reply), up to the attempt limit.
/// Same inputs, same requests: that is what lets the response cache answer a rebuild with no request at all.
/// </summary>
internal sealed class GeneratorCaller
{
    /// <summary>How stage inputs are written and replies read: camelCase, readable text, numbers also as strings.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        AllowTrailingCommas = true,
    };

    private readonly IChatClient _client;
    private readonly BudgetMeter _meter;
    private readonly int _maxAttempts;
    private readonly Func<IReadOnlyList<BenchmarkItem>> _finished;

    /// <summary>Creates a caller.</summary>
    /// <param name="client">The generator role's composed client.</param>
    /// <param name="meter">The budget every call is checked against.</param>
    /// <param name="maxAttempts">Attempts per step, 1 or more.</param>
    /// <param name="finished">The items accepted so far, for a budget exception.</param>
    public GeneratorCaller(IChatClient client, BudgetMeter meter, int maxAttempts, Func<IReadOnlyList<BenchmarkItem>> finished)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _client = client;
        _meter = meter;
        _maxAttempts = maxAttempts;
        _finished = finished;
    }

    /// <summary>Runs one structured step of <paramref name="stage"/>.</summary>
    /// <typeparam name="T">The reply's shape (its JSON schema is sent as the response format).</typeparam>
    /// <param name="stage">The stage (<see cref="PromptStage"/>).</param>
    /// <param name="input">The stage input; serialized as JSON.</param>
    /// <param name="validate">Returns the problem with a parsed reply, or null when it is usable.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value, or the last problem when every attempt failed.</returns>
    /// <exception cref="LlmGenerationException">A call failed for good (<c>BA0500</c>).</exception>
    /// <exception cref="GenerationBudgetExceededException">The budget is spent.</exception>
    public async ValueTask<StepResult<T>> CallAsync<T>(string stage, object input, Func<T, string?>? validate, CancellationToken cancellationToken)
        where T : class
    {
        string? problem = null;
        for (int attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _meter.EnsureAvailable(_finished);
            string user = JsonSerializer.Serialize(new StageInput(stage, attempt == 1 ? null : attempt, problem, input), JsonOptions);
            var options = new ChatOptions
            {
                Temperature = 0,
                Seed = (long)(StableHash.Seed(0, stage, user) >> 1),
                ResponseFormat = ChatResponseFormat.ForJsonSchema(typeof(T), JsonOptions, stage),
            };
            ChatResponse response;
            try
            {
                response = await _client.GetResponseAsync([new ChatMessage(ChatRole.System, PromptSet.Text(stage)), new ChatMessage(ChatRole.User, user)], options, cancellationToken).ConfigureAwait(false);
            }
            catch (ModelCallException ex)
            {
                throw new LlmGenerationException(
                    ErrorCodes.GeneratorCallFailed,
                    $"the generator call of the {stage} stage failed ({ex.Message}). Check BENCHAGENT_GENERATOR_ENDPOINT, _MODEL and _API_KEY and that the endpoint is up; finished samples are kept in the resume journal.",
                    ex);
            }

            _meter.Record((response.Usage?.InputTokenCount ?? 0) + (response.Usage?.OutputTokenCount ?? 0));
            problem = Read(response.Text, validate, out T? value);
            if (problem is null)
            {
                return new StepResult<T>(value, attempt, null);
            }
        }

        return new StepResult<T>(null, _maxAttempts, problem);
    }

    /// <summary>Reads and validates one reply; returns the problem, or null with the value.</summary>
    internal static string? Read<T>(string? text, Func<T, string?>? validate, out T? value)
        where T : class
    {
        value = null;
        if (!TolerantJson.TryParse(text, out var element, out string? error))
        {
            return Refusals.IsRefusal(text) ? "refusal: the model declined to answer." : "malformed: " + error;
        }

        try
        {
            value = element.Deserialize<T>(JsonOptions);
        }
        catch (JsonException ex)
        {
            return "malformed: the reply does not have the expected fields (" + ex.Message + ").";
        }

        if (value is null)
        {
            return "malformed: the reply is null.";
        }

        if (validate?.Invoke(value) is { } invalid)
        {
            value = null;
            return "invalid: " + invalid;
        }

        return null;
    }

    /// <summary>The user message of a step: the stage, the attempt and the previous attempt's problem (retries only), and the input.</summary>
    private sealed record StageInput(string Stage, int? Attempt, string? PreviousProblem, object Input);
}
