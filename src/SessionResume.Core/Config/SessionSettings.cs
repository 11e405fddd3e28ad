namespace SessionResume.Config;

/// <summary>
/// What a user can configure, in <c>.session-resume.json</c> or as MSBuild properties (see CONTRACT.md,
/// "Configuration"). <see cref="SettingsLoader"/> is the only place that fills it; every value it
/// hands out has been checked, so consumers need not validate again.
/// </summary>
public sealed record SessionSettings
{
    /// <summary><c>auto_save</c> / SessionResumeAutoSave: update the state after every build and test run.</summary>
    public bool AutoSave { get; init; } = true;

    /// <summary><c>save_on_error</c> / SessionResumeSaveOnError: update it after failed builds and test runs too.</summary>
    public bool SaveOnError { get; init; } = true;

    /// <summary><c>max_history</c> / SessionResumeMaxHistory: archived sessions kept; at least 1.</summary>
    public int MaxHistory { get; init; } = 20;

    /// <summary><c>archive_location</c> / SessionResumeHistoryDirectory: relative to the session root, or absolute.</summary>
    public string HistoryDirectory { get; init; } = ".session-history";

    /// <summary><c>state_file</c> / SessionResumeStateFile: relative to the session root, or absolute.</summary>
    public string StateFile { get; init; } = ".session-state.json";

    /// <summary><c>include_git_diff</c> / SessionResumeIncludeGitDiff: ask git which files changed.</summary>
    public bool IncludeGitDiff { get; init; } = true;

    /// <summary><c>compress_old_sessions</c> / SessionResumeCompressOldSessions: gzip older archives.</summary>
    public bool CompressOldSessions { get; init; } = true;

    /// <summary><c>idle_minutes</c> / SessionResumeIdleMinutes: a pause this long starts a new session; at least 1.</summary>
    public int IdleMinutes { get; init; } = 120;

    public static SessionSettings Default { get; } = new();
}
