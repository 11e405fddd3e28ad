using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionResume.Model;

// The schema of .session-state.json (see docs/state-file.md). Key order follows the seed; additions come
// after the seed's keys of the same object. Every object keeps keys it does not know in
// ExtensionData, so whatever a person or agent writes survives every automatic update.

public sealed class SessionState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? SessionId { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Project { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public DateTime? Timestamp { get; set; }
    public int DurationMinutes { get; set; }
    public Objectives Objectives { get; set; } = new();
    public Progress Progress { get; set; } = new();
    public FileChanges Files { get; set; } = new();
    public ErrorSection Errors { get; set; } = new();
    public TestSection Tests { get; set; } = new();
    public List<string> Todos { get; set; } = [];
    public SessionContext Context { get; set; } = new();
    public List<string> NextPrompts { get; set; } = [];

    // Added: when the session started (duration_minutes is derived from it) and the compact warnings.
    public DateTime? StartedAt { get; set; }
    public WarningSection Warnings { get; set; } = new();
    /// <summary>Added: how each project's last build ended (see <see cref="BuildSection"/>).</summary>
    public BuildSection Build { get; set; } = new();
    /// <summary>Added: set by SessionSave; the next update starts a new session (the saved one is archived).</summary>
    public DateTime? EndedAt { get; set; }
    /// <summary>Added: the session this one continues (open items carried over from it).</summary>
    public string? ContinuesSession { get; set; }
    /// <summary>Added: state files merged in by SessionMerge (their labels), so merging one twice changes nothing.</summary>
    public List<string>? MergedFrom { get; set; }
    /// <summary>Added: the commit, branch and worktree of the last update (see <see cref="GitFacts"/>).</summary>
    public GitFacts? Git { get; set; }
    /// <summary>Added: the subject lines of the commits made during the session, oldest first (from git).</summary>
    public List<string>? Commits { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Objectives
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Primary { get; set; }
    public List<string> Secondary { get; set; } = [];
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Status { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Progress
{
    public List<string> Completed { get; set; } = [];
    public List<string> InProgress { get; set; } = [];
    public List<string> Blocked { get; set; } = [];
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class FileChanges
{
    public List<string> Created { get; set; } = [];
    public List<string> Modified { get; set; } = [];
    public List<string> Deleted { get; set; } = [];
    /// <summary>Added: files left out of the lists by the size cap.</summary>
    public int Omitted { get; set; }
    /// <summary>Added: lines added and removed per file since the session's start commit (untracked files count as added).</summary>
    public SortedDictionary<string, DiffLines>? Diffstat { get; set; }
    /// <summary>Added: files left out of <see cref="Diffstat"/> by its cap (the smallest changes go first).</summary>
    public int? DiffstatOmitted { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class DiffLines
{
    public int Added { get; set; }
    public int Removed { get; set; }
}

public sealed class SessionContext
{
    public List<string> TechStack { get; set; } = [];
    public List<string> KeyDecisions { get; set; } = [];
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? ArchitectureNotes { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class TestSection
{
    public int Passing { get; set; }
    public int Failing { get; set; }
    public List<string> FailedPaths { get; set; } = [];
    // Added: skipped and total test results, one entry per failing test, recently fixed tests,
    // known failures that the last run did not include, and the last run of each project.
    public int Skipped { get; set; }
    public int Total { get; set; }
    public List<TestFailure> Failures { get; set; } = [];
    public List<FixedTest> Fixed { get; set; } = [];
    public int NotInLastRun { get; set; }
    /// <summary>Failing tests left out of <c>failures</c> by the size caps (the counts above still include them).</summary>
    public int FailuresOmitted { get; set; }
    /// <summary>Set when tests fail on several target frameworks: the failed runs, counted per framework (failing counts tests).</summary>
    public int? FailingRuns { get; set; }
    public SortedDictionary<string, SortedDictionary<string, TestRunCounts>> Runs { get; set; } = new(StringComparer.Ordinal);
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}
