using System.Text.RegularExpressions;

namespace SessionResume.Testing;

/// <summary>Reads what VSTest says when a test host crashes or hangs (with --blame: which test was running).</summary>
public static partial class CrashReport
{
    [GeneratedRegex(@"(?:test running when the crash occurred|tests? (?:was|were) running when the (?:crash|hang|timeout) occurred|test that was running)[^:]*:\s*(?<name>[^\r\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RunningTestLine();

    public static string? RunningTest(string abortMessage)
    {
        var m = RunningTestLine().Match(abortMessage);
        if (!m.Success) return null;
        var name = m.Groups["name"].Value.Trim().TrimEnd('.');
        return name.Length == 0 ? null : name;
    }

    internal static string AssemblyOf(TestRunObservation run) =>
        run.Results.FirstOrDefault()?.AssemblyName ?? Path.GetFileNameWithoutExtension(run.Project);
}
