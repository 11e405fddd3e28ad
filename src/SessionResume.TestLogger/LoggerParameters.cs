using SessionResume.Application;
using SessionResume.Common;
using SessionResume.Observations;

namespace SessionResume.TestLogger;

/// <summary>
/// What the package's targets tell the logger (--logger "sessionresume;Project=...;Tfm=...;SessionResumeAutoSave=..."):
/// the project, its framework, whether the run is filtered, and the configuration properties the user set.
/// vstest itself adds TargetFramework, hence our Tfm.
/// </summary>
sealed record LoggerParameters(string? Project, string? TargetFramework, bool Filtered, string? Root, string? SolutionDir,
    bool ManageGitIgnore, IReadOnlyDictionary<string, string?> Settings)
{
    public static LoggerParameters From(IReadOnlyDictionary<string, string?> p) => new(
        Get(p, "Project"), Get(p, "Tfm"),
        string.Equals(Get(p, "Filtered"), "true", StringComparison.OrdinalIgnoreCase),
        Get(p, "Root"), Get(p, "SolutionDir"),
        !string.Equals(Get(p, "ManageGitIgnore"), "false", StringComparison.OrdinalIgnoreCase),
        p.Where(kv => kv.Key.StartsWith("SessionResume", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase));

    static string? Get(IReadOnlyDictionary<string, string?> p, string key) =>
        p.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } v ? v : null;

    public TestCaptureRequest ToRequest(IReadOnlyList<TestResultRecord> results, string? aborted, List<Problem> problems)
    {
        var project = Project ?? Path.Combine(Directory.GetCurrentDirectory(), "unknown.csproj");
        var session = Session.Open(Root, Path.GetDirectoryName(Path.GetFullPath(project))!, SolutionDir, Settings,
            ManageGitIgnore, problems);
        return new TestCaptureRequest(session, project, TargetFramework ?? "default", Filtered, results, aborted);
    }
}
