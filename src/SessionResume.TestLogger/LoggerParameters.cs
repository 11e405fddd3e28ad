using SessionResume.Recording;
using SessionResume.Store;
using SessionResume.Testing;

namespace SessionResume.TestLogger;

/// <summary>What the package's targets tell the logger (--logger "sessionresume;Project=...;Tfm=..."; vstest itself adds TargetFramework).</summary>
sealed record LoggerParameters(string? Project, string? TargetFramework, bool Filtered, string? Root, string? StateFile, string? SolutionDir, bool ManageGitIgnore)
{
    public static LoggerParameters From(IReadOnlyDictionary<string, string?> p) => new(
        Get(p, "Project"), Get(p, "Tfm"),
        string.Equals(Get(p, "Filtered"), "true", StringComparison.OrdinalIgnoreCase),
        Get(p, "Root"), Get(p, "StateFile"), Get(p, "SolutionDir"),
        !string.Equals(Get(p, "ManageGitIgnore"), "false", StringComparison.OrdinalIgnoreCase));

    static string? Get(IReadOnlyDictionary<string, string?> p, string key) =>
        p.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } v ? v : null;

    public TestCaptureRequest ToRequest(IReadOnlyList<TestResultRecord> results, string? aborted)
    {
        var project = Project ?? Path.Combine(Directory.GetCurrentDirectory(), "unknown.csproj");
        var location = SessionLocation.Resolve(Root, Path.GetDirectoryName(Path.GetFullPath(project))!, SolutionDir, StateFile);
        return new TestCaptureRequest(location, project, TargetFramework ?? "default", Filtered, results, aborted, ManageGitIgnore);
    }
}
