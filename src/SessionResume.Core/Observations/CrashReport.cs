using System.Text.RegularExpressions;

namespace SessionResume.Observations;

/// <summary>Reads what VSTest says when a test host crashes or hangs (with --blame: which test was running).</summary>
public static partial class CrashReport
{
    [GeneratedRegex(@"(?:test running when the crash occurred|tests? (?:was|were) running when the (?:crash|hang|timeout) occurred" +
        @"|test that was running)[^:]*:\s*(?<name>[^\r\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RunningTestLine();

    public static string? RunningTest(string abortMessage) => RunningTests(abortMessage) is [var first, ..] ? first : null;

    /// <summary>
    /// Every test the report names as running, in order, once each. vstest names one; the MTP extension
    /// writes one such line per test that was in progress (a parallel run can have several).
    /// </summary>
    public static IReadOnlyList<string> RunningTests(string abortMessage) =>
        RunningTestLine().Matches(abortMessage)
            .Select(m => m.Groups["name"].Value.Trim().TrimEnd('.'))
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    internal static string AssemblyOf(TestRunObservation run) =>
        (run.Results is [var first, ..] ? first.AssemblyName : null) ?? Path.GetFileNameWithoutExtension(run.Project);
}
