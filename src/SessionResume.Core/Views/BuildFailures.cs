using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;

namespace SessionResume.Views;

/// <summary>What the restore says of builds that failed or did not finish, and of test results older than the code.</summary>
internal static class BuildFailures
{
    public const string NoCompilerError =
        "no compiler error: the failure came from MSBuild, the SDK or restore; see the build output";

    public const string NotFinished =
        "it stopped before the package saw its end (an error in BeforeBuild, a target after Build, MSBuild or the SDK); " +
        "see the build output";

    /// <summary>
    /// "❌ Last build failed: src/App/App.csproj — CS0029 in src/App/B.cs line 42: Cannot implicitly
    /// convert…", one line per project whose last build failed or did not finish, worst and newest first.
    /// </summary>
    public static IReadOnlyList<string> Lines(SessionState s) =>
        Failed(s).Select(p => (p.Value.Outcome == BuildOutcome.Incomplete ? "❌ Last build did not finish: " : "❌ Last build failed: ")
            + $"{p.Key} — {Why(s, p.Key, p.Value)}").ToList();

    /// <summary>What to do first when a build failed: null when none did.</summary>
    public static string? NextAction(SessionState s) =>
        Failed(s).FirstOrDefault() is { Key: not null } first ? $"Fix the build of {first.Key}: {Why(s, first.Key, first.Value)}" : null;

    static IEnumerable<KeyValuePair<string, ProjectBuild>> Failed(SessionState s) =>
        s.Build.Projects
            .Where(p => p.Value.Outcome != BuildOutcome.Succeeded)
            .OrderByDescending(p => BuildOutcome.Severity(p.Value.Outcome))
            .ThenByDescending(p => p.Value.Time)
            .ThenBy(p => p.Key, StringComparer.Ordinal);

    static string Why(SessionState s, string project, ProjectBuild build)
    {
        // A build that did not finish may still have a known cause: an error from outside the compiler
        // (a failed restore) recorded for the project.
        var first = build.Outcome == BuildOutcome.Incomplete
            ? s.Errors.Unresolved.FirstOrDefault(e => e.Project == project && e.Origin is not null)
            : s.Errors.Unresolved.FirstOrDefault(e => e.Project == project);
        if (first is null && build.Outcome == BuildOutcome.Incomplete) return NotFinished;
        return first is null
            ? NoCompilerError
            : $"{first.Code} in {Place.Of(first.File, first.Line)}: {SessionFacts.OneLine(first.Error, 160)}";
    }

    /// <summary>
    /// Test results are of older code when the newest test run came before the compiler last ran, or
    /// when the last build did not succeed (no test can have run on what it was building).
    /// </summary>
    public static string? TestsAsOf(SessionState s)
    {
        var lastRun = s.Tests.Runs.Values.SelectMany(r => r.Values).Max(r => r.Time);
        if (lastRun is not { } run) return null;
        var compiled = BuildOutcomes.LastCompiled(s.Build);
        var stale = (compiled is { } c && c > run) || (s.Build.Outcome is { } o && o != BuildOutcome.Succeeded && s.Build.Time > run);
        return stale ? $"as of {SessionFacts.Minute(run)}, before the last build" : null;
    }
}
