namespace SessionResume.Config;

/// <summary>Every setting, in the order of <see cref="SessionSettings"/> (which is also the order of any messages).</summary>
internal static class SettingTable
{
    public static IReadOnlyList<Setting> All { get; } =
    [
        new Setting<bool>(SettingKeys.AutoSave, SettingProperties.AutoSave, ValueRules.Flag,
            s => s.AutoSave, (s, v) => s with { AutoSave = v }),
        new Setting<bool>(SettingKeys.SaveOnError, SettingProperties.SaveOnError, ValueRules.Flag,
            s => s.SaveOnError, (s, v) => s with { SaveOnError = v }),
        new Setting<int>(SettingKeys.MaxHistory, SettingProperties.MaxHistory, ValueRules.Count,
            s => s.MaxHistory, (s, v) => s with { MaxHistory = v }),
        new Setting<string>(SettingKeys.HistoryDirectory, SettingProperties.HistoryDirectory, ValueRules.Location,
            s => s.HistoryDirectory, (s, v) => s with { HistoryDirectory = v }),
        new Setting<string>(SettingKeys.StateFile, SettingProperties.StateFile, ValueRules.Location,
            s => s.StateFile, (s, v) => s with { StateFile = v }),
        new Setting<bool>(SettingKeys.IncludeGitDiff, SettingProperties.IncludeGitDiff, ValueRules.Flag,
            s => s.IncludeGitDiff, (s, v) => s with { IncludeGitDiff = v }),
        new Setting<bool>(SettingKeys.CompressOldSessions, SettingProperties.CompressOldSessions, ValueRules.Flag,
            s => s.CompressOldSessions, (s, v) => s with { CompressOldSessions = v }),
        new Setting<int>(SettingKeys.IdleMinutes, SettingProperties.IdleMinutes, ValueRules.Count,
            s => s.IdleMinutes, (s, v) => s with { IdleMinutes = v }),
    ];

    public static Setting? ByKey(string key)
    {
        foreach (var setting in All)
            if (setting.Key == key) return setting;
        return null;
    }
}
