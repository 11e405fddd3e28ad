namespace SessionResume.Config;

/// <summary>
/// Every setting, declared once: its <c>.session-resume.json</c> key, its MSBuild property, what it
/// accepts and which <see cref="SessionSettings"/> value it sets (whose initializers are the defaults).
/// Everything else derives from this table: the loader, the "did you mean" of an unknown key, the
/// messages, and tests that the targets' _SessionResumeSetting list and the README's table agree with it.
/// The order is the order of messages and of both lists.
/// </summary>
internal static class SettingTable
{
    public static readonly Setting<bool> AutoSave = new("auto_save", "SessionResumeAutoSave", ValueRules.Flag,
        s => s.AutoSave, (s, v) => s with { AutoSave = v });
    public static readonly Setting<bool> SaveOnError = new("save_on_error", "SessionResumeSaveOnError", ValueRules.Flag,
        s => s.SaveOnError, (s, v) => s with { SaveOnError = v });
    public static readonly Setting<int> MaxHistory = new("max_history", "SessionResumeMaxHistory", ValueRules.Count,
        s => s.MaxHistory, (s, v) => s with { MaxHistory = v });
    public static readonly Setting<string> HistoryDirectory = new("archive_location", "SessionResumeHistoryDirectory", ValueRules.Location,
        s => s.HistoryDirectory, (s, v) => s with { HistoryDirectory = v });
    public static readonly Setting<string> StateFile = new("state_file", "SessionResumeStateFile", ValueRules.Location,
        s => s.StateFile, (s, v) => s with { StateFile = v });
    public static readonly Setting<bool> IncludeGitDiff = new("include_git_diff", "SessionResumeIncludeGitDiff", ValueRules.Flag,
        s => s.IncludeGitDiff, (s, v) => s with { IncludeGitDiff = v });
    public static readonly Setting<bool> CompressOldSessions = new("compress_old_sessions", "SessionResumeCompressOldSessions",
        ValueRules.Flag, s => s.CompressOldSessions, (s, v) => s with { CompressOldSessions = v });
    public static readonly Setting<int> IdleMinutes = new("idle_minutes", "SessionResumeIdleMinutes", ValueRules.Count,
        s => s.IdleMinutes, (s, v) => s with { IdleMinutes = v });

    public static IReadOnlyList<Setting> All { get; } =
        [AutoSave, SaveOnError, MaxHistory, HistoryDirectory, StateFile, IncludeGitDiff, CompressOldSessions, IdleMinutes];

    public static Setting? ByKey(string key)
    {
        foreach (var setting in All)
            if (setting.Key == key) return setting;
        return null;
    }
}
