using SessionResume.Model;
using static SessionResume.Tests.Support.States;

namespace SessionResume.Tests.Merge;

/// <summary>Two CI artifacts of an OS matrix that overlap: the same error and test fail on both.</summary>
static class MergeInputs
{
    public const string Shared = "aaaaaaaaaaaaaaaa";
    public const string LinuxOnly = "bbbbbbbbbbbbbbbb";
    public const string WindowsOnly = "cccccccccccccccc";
    public const string SharedTest = "dddddddddddddddd";
    public const string WindowsTest = "eeeeeeeeeeeeeeee";

    /// <summary>Written at minute 60.</summary>
    public static SessionState Linux()
    {
        var s = State("sess_20261124_101", minutes: 60);
        var shared = Error(Shared, attempts: 3, seen: -10);
        shared.LastSeen = At(50);
        shared.TargetFrameworks = ["net8.0"];
        s.Errors.Unresolved = [shared, Error(LinuxOnly, code: "CS8602", file: "src/App/Unix.cs", line: 5, message: "Dereference of a possibly null reference.")];
        s.Tests.Failures = [Failure(SharedTest, attempts: 1, seen: 50, tfm: "net8.0")];
        AddRun(s, "net8.0", Run(total: 10, failed: 1, minutes: 50));
        s.Warnings.Counts[App] = new(StringComparer.Ordinal) { ["net8.0"] = new(StringComparer.Ordinal) { ["CS0168"] = 2 } };
        return s;
    }

    /// <summary>Written at minute 70.</summary>
    public static SessionState Windows()
    {
        var s = State("sess_20261124_201", minutes: 70);
        var shared = Error(Shared, attempts: 5, line: 44, seen: 0);
        shared.LastSeen = At(65);
        shared.OtherLines = [50];
        shared.TargetFrameworks = ["net10.0"];
        s.Errors.Unresolved = [shared, Error(WindowsOnly, code: "CA1416", file: "src/App/Registry.cs", line: 9, message: "This call site is reachable on all platforms.")];
        s.Tests.Failures = [Failure(SharedTest, attempts: 4, seen: 20, tfm: "net8.0"), Failure(WindowsTest, name: "App.Tests.PathTests.Separator", seen: 65, tfm: "net8.0")];
        s.Tests.Failures[0].LastSeen = At(65);
        s.Tests.Failures[0].Message = "Expected 1, got 2";
        AddRun(s, "net8.0", Run(total: 10, failed: 2, minutes: 65));
        s.Warnings.Counts[App] = new(StringComparer.Ordinal)
        {
            ["net8.0"] = new(StringComparer.Ordinal) { ["CS0168"] = 3 },
            ["net10.0"] = new(StringComparer.Ordinal) { ["CS0168"] = 1 },
        };
        return s;
    }

    /// <summary>The errors and failing tests as sets, to compare merges made in another order.</summary>
    public static (string Unresolved, string Resolved, string Failures) Sets(SessionState s) => (
        string.Join(",", s.Errors.Unresolved.Select(e => $"{e.Project}|{e.Fingerprint}").Order(StringComparer.Ordinal)),
        string.Join(",", s.Errors.Resolved.Select(e => $"{e.Project}|{e.Fingerprint}").Order(StringComparer.Ordinal)),
        string.Join(",", s.Tests.Failures.Select(f => $"{f.Project}|{f.Fingerprint}").Order(StringComparer.Ordinal)));
}
