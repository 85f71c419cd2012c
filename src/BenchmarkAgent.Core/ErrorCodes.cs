namespace BenchmarkAgent;

/// <summary>
/// Every stable <c>BA</c> code the product reports, build time (BA0xxx) and test time (BA2xxx), in one place.
/// Never reuse or renumber a code; docs/errors.md explains each, and a test keeps the two in step.
/// </summary>
internal static class ErrorCodes
{
    /// <summary><c>Query</c> is missing or empty.</summary>
    public const string MissingQuery = "BA0001";

    /// <summary><c>Quota</c> is missing or not a positive integer.</summary>
    public const string InvalidQuota = "BA0002";

    /// <summary><c>Quota</c> is above the maximum.</summary>
    public const string QuotaTooLarge = "BA0003";

    /// <summary>The benchmark name is not a safe file name.</summary>
    public const string UnsafeName = "BA0004";

    /// <summary>Two benchmarks have the same name.</summary>
    public const string DuplicateName = "BA0005";

    /// <summary><c>Seed</c> is not an integer.</summary>
    public const string InvalidSeed = "BA0006";

    /// <summary><c>Difficulty</c> is not easy, medium, hard or mixed.</summary>
    public const string InvalidDifficulty = "BA0007";

    /// <summary><c>Strict</c> is not true or false.</summary>
    public const string InvalidStrict = "BA0008";

    /// <summary><c>BenchmarkAgentMaxQuota</c> is not a positive whole number.</summary>
    public const string InvalidMaxQuota = "BA0009";

    /// <summary>A <c>GeneratedBenchmark</c> item is the result of MSBuild expanding a wildcard in <c>Include</c> against files on disk.</summary>
    public const string WildcardExpandedName = "BA0010";

    /// <summary>A <c>GeneratedBenchmark</c> item carries metadata BenchmarkAgent does not know (a warning; likely a misspelling).</summary>
    public const string UnknownMetadata = "BA0011";

    /// <summary>Locked mode and the snapshot is missing.</summary>
    public const string MissingSnapshotLocked = "BA0101";

    /// <summary>Locked mode and the snapshot is stale.</summary>
    public const string StaleSnapshotLocked = "BA0102";

    /// <summary>Locked mode and the snapshot's item count differs from the quota or from plan.json's subtask quotas (a gutted items.json).</summary>
    public const string SnapshotCountMismatch = "BA0110";

    /// <summary>Locked mode and an item does not belong to this benchmark's plan: unknown subtask, other source, other seed or id (a swapped items.json).</summary>
    public const string SnapshotItemsForeign = "BA0111";

    /// <summary>Locked mode and an item's content differs from its recorded content hash without being marked edited (an edit no local build has checked).</summary>
    public const string SnapshotUnrecordedEdit = "BA0112";

    /// <summary>A snapshot file is malformed (invalid JSON, missing or invalid fields).</summary>
    public const string MalformedSnapshot = "BA0201";

    /// <summary>A snapshot file contains merge-conflict markers.</summary>
    public const string SnapshotConflictMarkers = "BA0202";

    /// <summary>Two snapshot items have the same id.</summary>
    public const string DuplicateItemId = "BA0203";

    /// <summary>A reviewer-edited item's answer fails its family's checker.</summary>
    public const string EditedItemFailsCheck = "BA0204";

    /// <summary>A snapshot file has an unknown schema version.</summary>
    public const string UnknownSnapshotSchema = "BA0205";

    /// <summary><c>BenchmarkAgentRefreshFraction</c> is not a number in (0, 1].</summary>
    public const string InvalidRefreshFraction = "BA0206";

    /// <summary>Another build held the project's generation lock for longer than <c>BenchmarkAgentLockTimeoutSeconds</c>.</summary>
    public const string GenerationLockTimeout = "BA0250";

    /// <summary><c>BenchmarkAgentLockTimeoutSeconds</c> is not a whole number of seconds in range.</summary>
    public const string InvalidLockTimeout = "BA0251";

    /// <summary>The generation lock or a resume journal under <c>obj/benchagent/</c> cannot be created or opened.</summary>
    public const string IntermediateFileFailed = "BA0252";

    /// <summary>An item's media path in items.json is not a plain file name under <c>media/</c> (it could leave the benchmark folder).</summary>
    public const string MediaPathUnsafe = "BA0260";

    /// <summary>A media file that items.json references is missing from the benchmark's <c>media/</c> folder.</summary>
    public const string MediaFileMissing = "BA0261";

    /// <summary>A media file's size or SHA-256 differs from what items.json records (edited, replaced, or an LFS pointer).</summary>
    public const string MediaFileChanged = "BA0262";

    /// <summary>A file in a benchmark's <c>media/</c> folder is referenced by no item (a warning in the CI lock).</summary>
    public const string MediaFileUnreferenced = "BA0263";

    /// <summary>A snapshot's media would exceed the per-file or per-benchmark media budget.</summary>
    public const string MediaBudgetExceeded = "BA0264";

    /// <summary><c>BenchmarkAgentMaxMediaFileBytes</c> or <c>BenchmarkAgentMaxMediaBytes</c> is not a whole number of bytes in range.</summary>
    public const string InvalidMediaBudget = "BA0265";

    /// <summary>A snapshot item references media whose bytes the generation did not produce and the media folder does not hold.</summary>
    public const string MediaContentUnavailable = "BA0266";

    /// <summary>A subtask could not fill its quota.</summary>
    public const string QuotaShortfall = "BA0301";

    /// <summary>The query matches no task family well (a warning).</summary>
    public const string WeakMatch = "BA0302";

    /// <summary>Strict mode and the query matches no task family well (an error).</summary>
    public const string WeakMatchStrict = "BA0303";

    /// <summary>The registered datasets cannot supply their share of the quota and no task family can take the rest.</summary>
    public const string DatasetShortfall = "BA0304";

    /// <summary>No generator, and the query is not covered by the task families or the registered datasets (weak matches not allowed).</summary>
    public const string QueryNotCovered = "BA0310";

    /// <summary><c>AllowWeakMatch</c> or <c>BenchmarkAgentAllowWeakMatch</c> is not true or false.</summary>
    public const string InvalidAllowWeakMatch = "BA0311";

    /// <summary>A dataset cannot be read (unknown format, malformed line, missing fields).</summary>
    public const string MalformedDataset = "BA0401";

    /// <summary>A dataset path in <c>Datasets</c> or <c>BenchmarkAgentDatasets</c> does not exist.</summary>
    public const string MissingDataset = "BA0402";

    /// <summary>A generator (LLM backbone) call failed for good: its transient errors used up every attempt, or the endpoint refused it.</summary>
    public const string GeneratorCallFailed = "BA0500";

    /// <summary>A planning stage of the LLM backbone got no usable answer (malformed JSON, refusals, invalid values) in all its attempts.</summary>
    public const string GeneratorStageFailed = "BA0501";

    /// <summary>A generation budget (requests, tokens or wall time) is spent; finished items are kept.</summary>
    public const string GenerationBudgetExceeded = "BA0502";

    /// <summary>A generation budget or the item-quality threshold is out of range.</summary>
    public const string InvalidGenerationSetting = "BA0503";

    /// <summary>The design agent kept no subtask for the query.</summary>
    public const string NoSubtaskDesigned = "BA0504";
    /// <summary><c>BenchmarkAgentGenerator</c> or a <c>Generator</c> item metadata is not auto, offline or llm.</summary>
    public const string InvalidGeneratorChoice = "BA0540";

    /// <summary>The generator program exited with a non-zero code without reporting an error.</summary>
    public const string GeneratorProcessFailed = "BA0541";

    /// <summary>The generator program wrote a line that is not a protocol line.</summary>
    public const string GeneratorProtocolViolation = "BA0542";

    /// <summary>The generator program cannot be found or started.</summary>
    public const string GeneratorNotStarted = "BA0543";

    /// <summary><c>llm</c> was chosen but the generator role is not configured.</summary>
    public const string GeneratorNotConfigured = "BA0544";

    /// <summary><c>BenchmarkAgentMaxGeneratorRequests</c> is not a positive whole number.</summary>
    public const string InvalidMaxGeneratorRequests = "BA0545";

    /// <summary><c>BenchmarkAgentMaxGeneratorTokens</c> is not a positive whole number.</summary>
    public const string InvalidMaxGeneratorTokens = "BA0546";

    /// <summary><c>BenchmarkAgentMaxGenerationSeconds</c> is not a whole number of seconds in range.</summary>
    public const string InvalidMaxGenerationSeconds = "BA0547";



    /// <summary>The generator program cannot read its request file.</summary>
    public const string GeneratorRequestUnreadable = "BA0550";

    /// <summary>The generator program ended without reporting a result.</summary>
    public const string GeneratorNoResult = "BA0551";

    /// <summary><c>BENCHAGENT_GENERATOR_CONCURRENCY</c> is not a whole number from 1 to 1024.</summary>
    public const string InvalidGeneratorConcurrency = "BA0552";

    /// <summary>espeak-ng is not on the PATH, so the spoken-digits media family is not offered to the planner (a warning).</summary>
    public const string SpeechSynthesizerMissing = "BA0600";

    /// <summary>A media family could not render an item (SkiaSharp's native library or the embedded font failed to load, or espeak-ng failed).</summary>
    public const string MediaRenderingFailed = "BA0601";

    /// <summary>A step that runs in the MSBuild process (the changes summary) would have to render media, which only the generator program does (a warning).</summary>
    public const string MediaFamilyNotHere = "BA0602";
    /// <summary>A registered dataset cannot be read or is empty and is left out, because other registered datasets read (a warning).</summary>
    public const string DatasetLeftOut = "BA0410";

    /// <summary>A dataset path names something that is not a regular file or folder (a pipe, socket or device).</summary>
    public const string DatasetNotRegularFile = "BA0411";

    /// <summary>A dataset file is larger than the size limit (enforced while reading).</summary>
    public const string DatasetTooLarge = "BA0412";

    /// <summary>A dataset file is not UTF-8 (UTF-16, UTF-32 or invalid bytes); the message names the encoding.</summary>
    public const string DatasetEncoding = "BA0413";

    /// <summary>A dataset file has no bytes or no records.</summary>
    public const string EmptyDataset = "BA0414";


    /// <summary>One dataset record took longer than the per-record time budget to read.</summary>
    public const string DatasetRecordBudget = "BA0416";

    /// <summary>A hand-written dataset card next to a dataset is malformed.</summary>
    public const string InvalidDatasetCard = "BA0417";

    /// <summary>A dataset record's media path is absolute, escapes the dataset's folder (<c>..</c> or a link), or is not a regular file.</summary>
    public const string DatasetMediaPathUnsafe = "BA0420";

    /// <summary>A dataset record's media path names no file.</summary>
    public const string DatasetMediaMissing = "BA0421";

    /// <summary>A dataset record's media file is not a PNG, JPEG, GIF, WebP, WAV or MP3 by its bytes (the extension is not trusted).</summary>
    public const string DatasetMediaUnknownType = "BA0422";

    /// <summary>A dataset record's media file is larger than the per-file media budget.</summary>
    public const string DatasetMediaTooLarge = "BA0423";

    /// <summary>Some records of a dataset were skipped for media problems (a warning, counted per problem).</summary>
    public const string DatasetMediaRecordsSkipped = "BA0424";

    /// <summary>The endpoint is not an absolute http or https URL.</summary>
    public const string InvalidEndpoint = "BA2001";

    /// <summary>An endpoint is set but no model name.</summary>
    public const string MissingModel = "BA2002";

    /// <summary>A model name is set but no endpoint.</summary>
    public const string MissingEndpoint = "BA2003";

    /// <summary><c>BENCHAGENT_SUBJECT_BASELINE</c> names a baseline that does not exist.</summary>
    public const string UnknownBaseline = "BA2004";

    /// <summary>The type named by <c>[assembly: BenchmarkSubject]</c> does not implement <c>IBenchmarkSubjectFactory</c> or has no public parameterless constructor.</summary>
    public const string InvalidSubjectFactory = "BA2005";

    /// <summary><c>BENCHAGENT_SUBJECT_CONCURRENCY</c> is not an integer from 1 to 1024.</summary>
    public const string InvalidSubjectConcurrency = "BA2006";

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

    /// <summary>An <c>[assembly: BenchmarkEvaluator]</c> registration is unusable: not an evaluator or evaluator factory, no public parameterless constructor, a throwing constructor, or a metric name already taken.</summary>
    public const string InvalidEvaluator = "BA2017";

    /// <summary>A model endpoint refused a call with an error that retrying cannot fix (400, 401, 403, 404, ...).</summary>
    public const string CallRejected = "BA2018";

    /// <summary><c>BENCHAGENT_&lt;ROLE&gt;_AUTH</c> is not <c>key</c> or <c>entra</c>.</summary>
    public const string InvalidAuthentication = "BA2019";

    /// <summary>A baseline file is malformed: invalid JSON, unknown schema, missing fields, duplicate ids, another benchmark.</summary>
    public const string MalformedBaseline = "BA2050";

    /// <summary>A baseline file was recorded for another subject whose label has the same file name.</summary>
    public const string SubjectMismatch = "BA2051";

    /// <summary><c>MinScore</c> is not a number from 0 to 1.</summary>
    public const string InvalidMinScore = "BA2052";

    /// <summary><c>RegressionAlpha</c> is not a number greater than 0 and less than 1.</summary>
    public const string InvalidRegressionAlpha = "BA2053";

    /// <summary><c>BENCHAGENT_RECORD_BASELINE</c> is not true or false.</summary>
    public const string InvalidRecordSwitch = "BA2054";

    /// <summary>Recording a baseline was asked for in locked (CI) mode.</summary>
    public const string RecordLocked = "BA2055";

    /// <summary>Recording a baseline was asked for, but some subject calls failed.</summary>
    public const string RecordWithErrors = "BA2056";

    /// <summary>Recording a baseline was asked for, but the project's snapshot folder is unknown or cannot be written.</summary>
    public const string RecordFailed = "BA2057";

    /// <summary><c>BENCHAGENT_ALLOW_EMPTY_RUN</c> is not true or false.</summary>
    public const string InvalidAllowEmptyRun = "BA2060";

    /// <summary>Under <c>CI=true</c>, benchmark snapshots could not be read (or none is declared), so the run would evaluate nothing.</summary>
    public const string NothingToEvaluate = "BA2061";

    /// <summary>Under <c>CI=true</c>, no subject is configured, so the run would evaluate nothing.</summary>
    public const string NoSubjectInCi = "BA2062";

    /// <summary>The subject's response had no answer text (empty <c>choices</c>, null or blank content): an error item, not a wrong answer.</summary>
    public const string EmptyResponse = "BA2063";

    /// <summary>Every item of a benchmark errored: its gate fails, whatever the baseline says.</summary>
    public const string EveryItemErrored = "BA2064";

    /// <summary><c>BENCHAGENT_MAX_ANSWER_CHARS</c> is not an integer from 1 to 100000000.</summary>
    public const string InvalidMaxAnswerChars = "BA2065";

    /// <summary><c>BENCHAGENT_SUBJECT_MODALITIES</c> or <c>BENCHAGENT_JUDGE_MODALITIES</c> is not a list of text, image and audio.</summary>
    public const string InvalidModalities = "BA2070";

    /// <summary>An item carries an image or audio clip the subject does not declare it accepts: skipped, counted apart, not scored.</summary>
    public const string ModalityNotDeclared = "BA2071";

    /// <summary>Under <c>CI=true</c>, every item needs a modality the subject does not declare, so the run would evaluate nothing.</summary>
    public const string EveryItemNeedsUndeclaredModality = "BA2072";

    /// <summary>The judge rated a media item without its media, because the judge does not declare the modality (a note on the metrics).</summary>
    public const string JudgeDidNotSeeMedia = "BA2073";
    /// <summary><c>BENCHAGENT_CACHE_REDIS</c> is not a Redis connection string (<c>host:port[,option=value...]</c>).</summary>
    public const string InvalidSharedCache = "BA2100";

    /// <summary>The shared response cache (Redis) failed: calls go to the endpoint without it (a warning, never a failed item).</summary>
    public const string SharedCacheUnavailable = "BA2101";

    /// <summary>A call is in a provider batch that has not been collected yet: the item is pending (skipped), not failed.</summary>
    public const string BatchPending = "BA2110";

    /// <summary><c>BENCHAGENT_BATCH</c> is not <c>off</c>, <c>openai</c>, <c>azure</c> or <c>vllm</c>, or batches were asked for without a configured endpoint.</summary>
    public const string InvalidBatchSetting = "BA2111";

    /// <summary>A line of a collected batch failed (its error file or a non-200 status): the item is an error item.</summary>
    public const string BatchLineFailed = "BA2112";

    /// <summary>A call to the provider's files or batches endpoints failed (upload, create, status, download).</summary>
    public const string BatchApiFailed = "BA2113";

    /// <summary>A provider batch ended without a result for a line (failed, expired or cancelled): the item is an error item.</summary>
    public const string BatchEndedWithoutResult = "BA2114";

    /// <summary>A role's <c>batch-state.json</c> cannot be read.</summary>
    public const string BatchStateUnreadable = "BA2115";
    /// <summary><c>BENCHAGENT_SHARD</c> is not <c>k/n</c> with whole numbers 1 &lt;= k &lt;= n &lt;= 1024.</summary>
    public const string InvalidShard = "BA2080";

    /// <summary><c>BENCHAGENT_MERGE</c> names a folder that does not exist or holds no shard files, or is set together with <c>BENCHAGENT_SHARD</c>.</summary>
    public const string InvalidMergeFolder = "BA2081";

    /// <summary>A shard file is unreadable: invalid JSON, another schema, missing fields, or results that contradict its own header.</summary>
    public const string MalformedShardFile = "BA2082";

    /// <summary>The merge is missing a shard: some <c>k</c> of <c>1..n</c> has no shard file.</summary>
    public const string MissingShard = "BA2083";

    /// <summary>The merge has the same shard twice (two files for one <c>k</c>, or one item in two shards).</summary>
    public const string DuplicateShard = "BA2084";

    /// <summary>The shard files were written for different shard counts <c>n</c>.</summary>
    public const string ShardCountMismatch = "BA2085";

    /// <summary>The shards ran a different item set than each other or than the project being merged (a benchmark added, removed or changed between runs).</summary>
    public const string ShardItemSetMismatch = "BA2086";

    /// <summary>The shards ran different subjects.</summary>
    public const string ShardSubjectMismatch = "BA2087";

    /// <summary>The gate of a benchmark failed on the merged results of all shards.</summary>
    public const string MergedGateFailed = "BA2088";

    /// <summary>A shard could not write its shard file into its run folder.</summary>
    public const string ShardWriteFailed = "BA2089";
}
