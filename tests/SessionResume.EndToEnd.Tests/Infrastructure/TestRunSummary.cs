using System.Globalization;
using System.Text.RegularExpressions;

namespace SessionResume.Tests.Infrastructure;

/// <summary>
/// What `dotnet test` did, read from the runner's own summary: the exit code and the counts of the
/// last summary it printed (VSTest's "Failed!  - Failed: 1, Passed: 2, Skipped: 0, Total: 3" line, or
/// Microsoft.Testing.Platform's "total: / failed: / succeeded: / skipped:" block). A run that printed
/// no summary (a test app that died before it) has all counts null.
/// </summary>
public sealed partial record TestRunSummary(int ExitCode, int? Total, int? Passed, int? Failed, int? Skipped)
{
    public static TestRunSummary Read(CommandResult result)
    {
        var vstest = VSTestSummary().Matches(result.Output);
        if (vstest.Count > 0)
        {
            var m = vstest[^1];
            return new(result.ExitCode, Number(m, "total"), Number(m, "passed"), Number(m, "failed"), Number(m, "skipped"));
        }
        return new(result.ExitCode, Last(result.Output, "total"), Last(result.Output, "succeeded"), Last(result.Output, "failed"), Last(result.Output, "skipped"));
    }

    static int? Last(string output, string label)
    {
        var matches = Regex.Matches(output, $@"^\s*{label}: (\d+)\s*$", RegexOptions.Multiline);
        return matches.Count == 0 ? null : int.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?:Passed|Failed)!\s+-\s+Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+),\s+Skipped:\s+(?<skipped>\d+),\s+Total:\s+(?<total>\d+)")]
    private static partial Regex VSTestSummary();
}
