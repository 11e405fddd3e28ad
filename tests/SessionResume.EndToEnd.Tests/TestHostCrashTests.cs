using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SessionResume.Tests.Infrastructure;
using Xunit.Abstractions;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Infrastructure.TestsJson;

namespace SessionResume.Tests;

/// <summary>A test host that dies (Environment.FailFast) is recorded as an aborted run, not as a silent zero.</summary>
public class TestHostCrashTests(ITestOutputHelper output)
{
    const string Project = "tests/Crash.Tests/Crash.Tests.csproj";
    const string CrashingTest = "Crash.Tests.CrashTests.Crashes";
    const string CrashLinePrefix = "💥 test host crashed or was aborted: ";

    /// <summary>
    /// Passes and Fails run first (xunit's order is stable), then Crashes waits 3 s, long enough for
    /// the test host to send the earlier results (vstest batches them), and kills the process.
    /// </summary>
    const string CrashSource = """
        namespace Crash.Tests;

        public class CrashTests
        {
            [Fact]
            public void Passes() => Assert.True(true);

            [Fact]
            public void Fails() => Assert.Equal(42, 6 * 9);

            [Fact]
            public void Crashes()
            {
                Thread.Sleep(3000);
                Environment.FailFast("boom");
            }
        }

        """;

    [Fact]
    public void A_crashing_test_host_is_recorded_as_an_aborted_run_and_the_restore_says_so()
    {
        using var repo = ThrowawayRepo.Create();
        repo.AddXunitTestProject("Crash.Tests", new Dictionary<string, string> { ["CrashTests.cs"] = CrashSource });
        // Several problems may show at once: collect them, fail once at the end with all of them.
        var problems = new List<string>();

        var test = repo.Test(Project);
        Check.That(test.ExitCode != 0 && !test.TimedOut, "A crash fails dotnet test.\n" + repo.Describe());
        Assert.Contains("Test host process crashed", test.Output);
        var state = AssertAborted(repo, problems, "dotnet test");
        // The results that arrived before the crash are kept: Fails is a failure.
        if (FailuresOf(state, "Crash.Tests.CrashTests.Fails").Count != 1)
            problems.Add("[dotnet test] The failure reported before the crash (CrashTests.Fails) is not recorded.");

        // With --blame, vstest names the test that was running; the package should record it as crashed.
        var blame = repo.Retest(Project, "--no-build", "--blame");
        Check.That(blame.ExitCode != 0 && !blame.TimedOut, repo.Describe());
        state = AssertAborted(repo, problems, "dotnet test --blame");
        var named = Regex.Match(blame.Output, @"running when the (?:crash|hang) occurred[^\n]*\n\s*(?<name>\S+)", RegexOptions.IgnoreCase);
        if (named.Success)
        {
            var name = named.Groups["name"].Value;
            output.WriteLine($"vstest (--blame) named the running test: {name}");
            var crashed = Failures(state).Where(f => Str(f, "outcome") == "crashed").ToList();
            if (!crashed.Any(f => Str(f, "name") == name && Strings(f, "target_frameworks").Contains("net10.0")))
            {
                problems.Add($"[dotnet test --blame] vstest printed \"{named.Value.Replace("\n", "\\n")}\", but no failure with name {name} and outcome \"crashed\" was recorded "
                    + $"(failures: {string.Join(", ", Failures(state).Select(f => $"{Str(f, "name")}={Str(f, "outcome")}"))}).");
            }
        }
        else
        {
            // Seen on this SDK when the test crashes at once: no "test running when the crash
            // occurred" line; only FailFast's stack names the test.
            output.WriteLine("vstest did not name the running test with --blame:\n" + blame.Output);
            Assert.Contains($"at {CrashingTest}()", blame.Output);
        }

        Check.That(problems.Count == 0, string.Join("\n", problems) + "\n" + repo.Describe());
    }

    /// <summary>The run is recorded as aborted (partial), and the restore prints the 💥 line with vstest's reason.</summary>
    static JsonObject AssertAborted(ThrowawayRepo repo, List<string> problems, string step)
    {
        var state = repo.ReadState();
        var context = repo.Describe();
        var run = Run(state, Project, "net10.0");
        Check.That(run is not null, "The crashed run is recorded.\n" + context);
        var aborted = Str(run, "aborted");
        Check.That(!string.IsNullOrWhiteSpace(aborted), "runs[...].aborted says what happened.\n" + context);
        Check.That(aborted!.Contains("Test host process crashed", StringComparison.Ordinal), "aborted holds vstest's reason.\n" + context);
        Check.That(Bool(run, "partial") == true, "An aborted run did not see every test.\n" + context);

        var restore = repo.MSBuild(Project, "SessionRestore", "-nologo");
        Check.That(restore.Succeeded, repo.Describe());
        var crashLine = Printed.Lines(restore.Output).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(CrashLinePrefix, StringComparison.Ordinal));
        Check.That(crashLine is not null, "The restore prints the 💥 line.\n" + restore);
        Check.That(crashLine!.StartsWith(CrashLinePrefix + Project + " (net10.0): ", StringComparison.Ordinal), restore.ToString());
        Assert.DoesNotContain("✅ All", restore.Output);
        // The line gives the reason vstest gave, not some other message of the run.
        var reason = crashLine[(CrashLinePrefix + Project + " (net10.0): ").Length..];
        if (!reason.Contains("Test host process crashed", StringComparison.Ordinal) && !reason.Contains("boom", StringComparison.Ordinal))
            problems.Add($"[{step}] The 💥 line does not say why the run was aborted; it shows: \"{crashLine}\" (runs[...].aborted starts with \"{aborted.Split('\n')[0]}\").");
        return state;
    }
}
