namespace SessionResume.Config;

/// <summary>
/// The MSBuild properties that override <c>.session-resume.json</c>. The targets pass exactly these
/// names to the tasks, which hand them to <see cref="SettingsLoader.Load"/>.
/// </summary>
public static class SettingProperties
{
    public const string AutoSave = "SessionResumeAutoSave";
    public const string SaveOnError = "SessionResumeSaveOnError";
    public const string MaxHistory = "SessionResumeMaxHistory";
    public const string HistoryDirectory = "SessionResumeHistoryDirectory";
    public const string StateFile = "SessionResumeStateFile";
    public const string IncludeGitDiff = "SessionResumeIncludeGitDiff";
    public const string CompressOldSessions = "SessionResumeCompressOldSessions";
    public const string IdleMinutes = "SessionResumeIdleMinutes";

    /// <summary>Every property above, in the order of <see cref="SessionSettings"/>.</summary>
    public static IReadOnlyList<string> All { get; } =
        [AutoSave, SaveOnError, MaxHistory, HistoryDirectory, StateFile, IncludeGitDiff, CompressOldSessions, IdleMinutes];
}
