using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Text;
using BenchmarkAgent.Persistence;
using Microsoft.Extensions.AI;

namespace BenchmarkAgent.Models;

/// <summary>
/// One role's provider batch across runs, kept in a folder (<c>batch-state.json</c>, <c>requests.jsonl</c> and, for
/// <c>vllm run-batch</c>, <c>results.jsonl</c>). Each run does the same three things, each resumable:
/// <list type="number">
/// <item>before the first call, <see cref="EnsureReadyAsync"/> finishes what an earlier run started: it creates the
/// batch of an uploaded file, asks a submitted batch's status once and, when the batch is done, writes every answer into
/// the response cache under its <c>custom_id</c> (the cache key) and keeps the failed lines;</item>
/// <item>during the run, each cache miss is recorded (<see cref="RecordAsync"/>) instead of called;</item>
/// <item>after the run, <see cref="SubmitAsync"/> sends what was recorded as one batch, unless one is still on its way.</item>
/// </list>
/// The state file is replaced after every step, so a crash repeats no upload and no batch creation.
/// </summary>
internal sealed class BatchSession : IDisposable
{
    /// <summary>The input file's name in the batch folder.</summary>
    public const string RequestsFileName = "requests.jsonl";

    /// <summary>The output file <c>vllm run-batch</c> is expected to write into the batch folder.</summary>
    public const string ResultsFileName = "results.jsonl";

    private readonly ModelRoleSettings _settings;
    private readonly OpenAiBatchApi? _api;
    private readonly IChatClient _capture;
    private readonly IChatClient _replay;
    private string _replayBody = "{}";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, string> _recorded = new(StringComparer.Ordinal);
    private BatchState? _state;
    private HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private bool _ready;

    /// <summary>Creates the session of one role.</summary>
    /// <param name="settings">The role's endpoint, model and key.</param>
    /// <param name="provider">Where the batch runs.</param>
    /// <param name="folder">The role's batch folder, e.g. <c>obj/benchagent-batch/subject</c>.</param>
    /// <param name="apiHandler">The HTTP handler of the batch calls (tests); <see langword="null"/> for a new one.</param>
    public BatchSession(ModelRoleSettings settings, BatchProvider provider, string folder, HttpMessageHandler? apiHandler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _settings = settings;
        Provider = provider;
        Folder = Path.GetFullPath(folder);
        _api = provider == BatchProvider.VllmFiles ? null : new OpenAiBatchApi(settings, apiHandler);

        // A second copy of the role's endpoint client over an in-memory handler: a batch line's body is exactly what the
        // live call would send, in the same SDK's wire format.
        _capture = EndpointChatClient.Create(settings, new ModelPipelineOptions
        {
            Transport = new HttpClientPipelineTransport(new HttpClient(CannedHttpHandler.Capture())),
        });
        _replay = EndpointChatClient.Create(settings, new ModelPipelineOptions
        {
            Transport = new HttpClientPipelineTransport(new HttpClient(CannedHttpHandler.Replay(() => _replayBody))),
        });
    }

    /// <summary>Where the batch runs.</summary>
    public BatchProvider Provider { get; }

    /// <summary>The role's batch folder.</summary>
    public string Folder { get; }

    /// <summary>The role.</summary>
    public ModelRole Role => _settings.Role;

    /// <summary>How many calls this run recorded for the next batch.</summary>
    public int RecordedCount => _recorded.Count;

    /// <summary>The state after the last step, or <see langword="null"/> when there is none.</summary>
    public BatchState? State => _state;

    /// <summary>
    /// Finishes, once per session, what an earlier run started: creates the batch of an uploaded file, asks a submitted
    /// batch's status, and collects a finished batch (or <c>vllm run-batch</c>'s output file) into <paramref name="cache"/>.
    /// </summary>
    /// <param name="cache">The role's response cache: collected answers are written under their keys.</param>
    /// <param name="cancellationToken">Stops the steps (the state stays consistent).</param>
    /// <returns>The steps.</returns>
    public async Task EnsureReadyAsync(ResponseCacheChatClient cache, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (Volatile.Read(ref _ready))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            _state = BatchState.Read(Folder);
            if (_state is { Stage: BatchState.Uploaded })
            {
                await CreateAsync(_state, cancellationToken).ConfigureAwait(false);
            }

            if (_state is { Stage: BatchState.Submitted, BatchId: { } batchId })
            {
                var status = await _api!.GetAsync(batchId, cancellationToken).ConfigureAwait(false);
                Save(_state with { Status = status.Status, Polls = _state.Polls + 1 });
                if (status.IsTerminal)
                {
                    byte[] output = status.OutputFileId is { } outputId ? await _api.DownloadAsync(outputId, cancellationToken).ConfigureAwait(false) : [];
                    byte[] errors = status.ErrorFileId is { } errorId ? await _api.DownloadAsync(errorId, cancellationToken).ConfigureAwait(false) : [];
                    await CollectAsync(cache, status.Status, [output, errors], cancellationToken).ConfigureAwait(false);
                }
            }
            else if (_state is { Stage: BatchState.AwaitingOutput } && File.Exists(Path.Combine(Folder, ResultsFileName)))
            {
                await CollectAsync(cache, "completed", [await File.ReadAllBytesAsync(Path.Combine(Folder, ResultsFileName), cancellationToken).ConfigureAwait(false)], cancellationToken).ConfigureAwait(false);
            }

            _inFlight = _state is { InFlight: true } ? new HashSet<string>(_state.CustomIds, StringComparer.Ordinal) : new(StringComparer.Ordinal);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Why the line of <paramref name="key"/> failed in the collected batch, or <see langword="null"/>.</summary>
    /// <param name="key">The call's cache key.</param>
    /// <returns>The code and reason, or <see langword="null"/>.</returns>
    public (string Code, string Reason)? FailureOf(string key)
    {
        if (_state is { Stage: BatchState.Collected } state && state.Failed.TryGetValue(key, out string? reason))
        {
            return (reason.StartsWith(ErrorCodes.BatchEndedWithoutResult, StringComparison.Ordinal) ? ErrorCodes.BatchEndedWithoutResult : ErrorCodes.BatchLineFailed, reason);
        }

        return null;
    }

    /// <summary>Whether <paramref name="key"/> is in the batch on its way.</summary>
    /// <param name="key">The call's cache key.</param>
    /// <returns><see langword="true"/> when it was submitted and not collected yet.</returns>
    public bool IsInFlight(string key) => _inFlight.Contains(key);

    /// <summary>A short description of the batch on its way, for the pending message.</summary>
    public string InFlightDescription => _state switch
    {
        { Stage: BatchState.AwaitingOutput } => $"in {Path.Combine(Folder, RequestsFileName)}, waiting for vllm run-batch to write {Path.Combine(Folder, ResultsFileName)}",
        { BatchId: { } id } s => $"in batch {id} (status {s.Status ?? "submitted"}, asked {s.Polls} time(s))",
        { InputFileId: { } file } => $"in uploaded file {file}, whose batch is not created yet",
        _ => "recorded",
    };

    /// <summary>Records the call of <paramref name="key"/> for the next batch (the first record of a key wins).</summary>
    /// <param name="key">The call's cache key, the line's <c>custom_id</c>.</param>
    /// <param name="messages">The messages.</param>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">Stops the capture.</param>
    /// <returns>The capture.</returns>
    public async Task RecordAsync(string key, IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (_recorded.ContainsKey(key))
        {
            return;
        }

        byte[] body;
        try
        {
            await _capture.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException("The capture client answered instead of capturing the request.");
        }
        catch (RequestCapturedException captured)
        {
            body = captured.Body;
        }

        _recorded.TryAdd(key, BatchFormat.RequestLine(key, Provider, body));
    }

    /// <summary>
    /// Sends what this run recorded as one batch: writes <c>requests.jsonl</c>, then uploads it and creates the batch
    /// (or, for <c>vllm run-batch</c>, leaves it for the user), saving the state after each step. Does nothing when
    /// nothing was recorded or a batch is still on its way.
    /// </summary>
    /// <param name="cancellationToken">Stops the steps.</param>
    /// <returns>The new state, or <see langword="null"/> when nothing was sent.</returns>
    public async Task<BatchState?> SubmitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_recorded.IsEmpty || _state is { InFlight: true })
            {
                return null;
            }

            var lines = _recorded.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            byte[] jsonl = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l.Value + "\n")));
            Directory.CreateDirectory(Folder);
            AtomicFile.WriteAllBytes(Path.Combine(Folder, RequestsFileName), jsonl);
            File.Delete(Path.Combine(Folder, ResultsFileName)); // an old round's output must not be read as this round's
            var ids = lines.Select(l => l.Key).ToList();
            if (Provider == BatchProvider.VllmFiles)
            {
                Save(new BatchState { Stage = BatchState.AwaitingOutput, CustomIds = ids });
            }
            else
            {
                string fileId = await _api!.UploadAsync(jsonl, $"benchagent-{Role.ToString().ToLowerInvariant()}-{ids.Count}.jsonl", cancellationToken).ConfigureAwait(false);
                Save(new BatchState { Stage = BatchState.Uploaded, InputFileId = fileId, CustomIds = ids });
                await CreateAsync(_state!, cancellationToken).ConfigureAwait(false);
            }

            _recorded.Clear();
            _inFlight = new HashSet<string>(ids, StringComparer.Ordinal);
            return _state;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _api?.Dispose();
        _capture.Dispose();
        _replay.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// Turns a result line's body (a chat completion) into the response the live call would have returned, by replaying
    /// it through a copy of the role's endpoint client (the same SDK conversion as a live reply). Sequential: called
    /// only under the session's lock.
    /// </summary>
    /// <param name="body">The chat completion JSON.</param>
    /// <param name="cancellationToken">Stops the conversion.</param>
    /// <returns>The response.</returns>
    private async Task<ChatResponse> ToChatResponseAsync(string body, CancellationToken cancellationToken)
    {
        _replayBody = body;
        return await _replay.GetResponseAsync([new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, "batch result")], null, cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateAsync(BatchState uploaded, CancellationToken cancellationToken)
    {
        string batchId = await _api!.CreateAsync(uploaded.InputFileId!, BatchFormat.ChatCompletionsUrl(Provider), cancellationToken).ConfigureAwait(false);
        Save(uploaded with { Stage = BatchState.Submitted, BatchId = batchId, Status = "submitted" });
    }

    private async Task CollectAsync(ResponseCacheChatClient cache, string status, IEnumerable<byte[]> files, CancellationToken cancellationToken)
    {
        var submitted = new HashSet<string>(_state!.CustomIds, StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (byte[] file in files)
        {
            foreach (var line in BatchFormat.ReadResults(file, out _))
            {
                if (!submitted.Contains(line.CustomId) || answered.Contains(line.CustomId))
                {
                    continue; // a line this batch did not ask for (or a repeat) is untrusted and ignored
                }

                ChatResponse? response = null;
                if (line.Succeeded)
                {
                    try
                    {
                        response = await ToChatResponseAsync(line.Body!, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException or System.ClientModel.ClientResultException)
                    {
                        failed[line.CustomId] = "the answer is not a readable chat completion";
                    }
                }
                else
                {
                    failed[line.CustomId] = line.FailureText;
                }

                if (response is not null)
                {
                    await cache.StoreAsync(line.CustomId, response, cancellationToken).ConfigureAwait(false);
                    answered.Add(line.CustomId);
                    failed.Remove(line.CustomId);
                }
            }
        }

        foreach (string id in submitted.Where(id => !answered.Contains(id) && !failed.ContainsKey(id)))
        {
            failed[id] = $"{ErrorCodes.BatchEndedWithoutResult}: the batch ended with status '{status}' and no result for this request";
        }

        Save(_state with { Stage = BatchState.Collected, Status = status, Failed = failed });
    }

    private void Save(BatchState state)
    {
        state.Write(Folder);
        _state = state;
    }
}
