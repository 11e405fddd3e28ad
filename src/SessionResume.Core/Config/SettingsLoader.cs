using SessionResume.Common;

namespace SessionResume.Config;

/// <summary>
/// The effective settings of a session: defaults, then <c>.session-resume.json</c> at the session root,
/// then MSBuild properties, which win. Runs in every build capture, so a repository without the file
/// pays one <see cref="File.Exists(string)"/>. Never throws: whatever is wrong becomes an SR0006
/// warning and the affected setting keeps the value it had.
/// </summary>
public static class SettingsLoader
{
    public const string FileName = ".session-resume.json";

    /// <summary>The MSBuild property names, exactly (<see cref="SettingTable"/>), in its order.</summary>
    public static IReadOnlyList<string> PropertyNames { get; } = SettingTable.All.Select(s => s.Property).ToList();

    /// <param name="root">The session root; the configuration file is looked for there only.</param>
    /// <param name="properties">Property name to value as MSBuild passes it; null, empty or blank means "not set".</param>
    /// <param name="problems">Receives one SR0006 problem per thing that is wrong.</param>
    public static SessionSettings Load(string root, IReadOnlyDictionary<string, string?> properties, List<Problem> problems)
    {
        var settings = SessionSettings.Default;
        var keysFromFile = new HashSet<string>(StringComparer.Ordinal);
        var file = ConfigFile(root);
        if (file is not null && File.Exists(file)) settings = SettingsFile.Apply(file, settings, problems, keysFromFile);
        return ApplyProperties(settings, properties, keysFromFile, problems);
    }

    static SessionSettings ApplyProperties(SessionSettings settings, IReadOnlyDictionary<string, string?>? properties,
        HashSet<string> keysFromFile, List<Problem> problems)
    {
        if (properties is null) return settings;
        foreach (var setting in SettingTable.All)
        {
            if (!properties.TryGetValue(setting.Property, out var text) || string.IsNullOrWhiteSpace(text)) continue;
            if (setting.TryApply(text, ref settings)) continue;
            var source = keysFromFile.Contains(setting.Key) ? $"from {FileName}" : "the default";
            problems.Add(Problems.PropertyBadValue(setting.Property, setting.Requirement, text.Trim(), setting.Show(settings), source));
        }
        return settings;
    }

    /// <summary>The full path of the configuration file, or null when the root cannot name one.</summary>
    static string? ConfigFile(string? root)
    {
        if (string.IsNullOrWhiteSpace(root)) return null;
        try
        {
            return Path.GetFullPath(Path.Combine(root, FileName));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
