namespace SessionResume.Config;

/// <summary>
/// What a user can configure, in <c>.session-resume.json</c> or as MSBuild properties (README.md,
/// "Configuration"); keys and properties are in <see cref="SettingTable"/>, defaults here.
/// <see cref="SettingsLoader"/> is the only place that fills it; every value it hands out has been
/// checked, so consumers need not validate again.
/// </summary>
public sealed record SessionSettings
{
    /// <summary>Update the state after every build and test run.</summary>
    public bool AutoSave { get; init; } = true;

    /// <summary>Update it after failed builds and test runs too.</summary>
    public bool SaveOnError { get; init; } = true;

    /// <summary>Archived sessions kept; at least 1.</summary>
    public int MaxHistory { get; init; } = 20;

    /// <summary>Relative to the session root, or absolute.</summary>
    public string HistoryDirectory { get; init; } = ".session-history";

    /// <summary>Relative to the session root, or absolute.</summary>
    public string StateFile { get; init; } = ".session-state.json";

    /// <summary>Ask git which files changed.</summary>
    public bool IncludeGitDiff { get; init; } = true;

    /// <summary>Gzip older archives.</summary>
    public bool CompressOldSessions { get; init; } = true;

    /// <summary>A pause this long starts a new session; at least 1.</summary>
    public int IdleMinutes { get; init; } = 120;

    public static SessionSettings Default { get; } = new();
}
