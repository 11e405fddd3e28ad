using System.Reflection;

namespace SessionResume.TestingPlatform;

/// <summary>
/// What the build stamped into the test assembly (AssemblyMetadata "SessionResume.*"): the test app may
/// run anywhere, even directly. "SessionResume.SessionResume*" entries are the configuration properties the user set.
/// </summary>
internal sealed record BuildSettings(string Project, string TargetFramework, string? Root, string? SolutionDir, bool ManageGitIgnore,
    IReadOnlyDictionary<string, string?> Properties, bool RecordTestHostCrashes = false)
{
    public static BuildSettings? Read(Assembly? assembly)
    {
        if (assembly is null) return null;
        var values = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith("SessionResume.", StringComparison.Ordinal))
            .GroupBy(a => a.Key).ToDictionary(g => g.Key["SessionResume.".Length..], g => g.Last().Value);
        if (!values.TryGetValue("Project", out var project) || string.IsNullOrEmpty(project)) return null;
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v : null;
        var properties = values.Where(kv => kv.Key.StartsWith("SessionResume", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        return new BuildSettings(project, Get("TargetFramework") ?? "default", Get("Root"), Get("SolutionDir"),
            !string.Equals(Get("ManageGitIgnore"), "false", StringComparison.OrdinalIgnoreCase), properties,
            RecordTestHostCrashes: string.Equals(Get("RecordTestHostCrashes"), "true", StringComparison.OrdinalIgnoreCase));
    }
}
