namespace SessionResume.Config;

/// <summary>The keys of <c>.session-resume.json</c>, exactly as users write them.</summary>
public static class SettingKeys
{
    public const string AutoSave = "auto_save";
    public const string SaveOnError = "save_on_error";
    public const string MaxHistory = "max_history";
    public const string HistoryDirectory = "archive_location";
    public const string StateFile = "state_file";
    public const string IncludeGitDiff = "include_git_diff";
    public const string CompressOldSessions = "compress_old_sessions";
    public const string IdleMinutes = "idle_minutes";
}
