using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Infrastructure.TestsJson;

namespace SessionResume.Tests;

/// <summary>
/// Microsoft.Testing.Platform (dotnet test in MTP mode, and the test app run directly) with
/// SessionResumeRecordTestHostCrashes=true: a test app that dies (Environment.FailFast) is recorded as
/// an aborted run, with the test that was running as crashed and the results reported before it; a
/// normal run is still recorded once, by the test app itself. Without it, the test app's journal next
/// to the state file lets the next build, test run or SessionRestore record the crash the same way.
/// </summary>
public class TestingPlatformCrashTests
{
    const string Project = "tests/MtpCrash/MtpCrash.csproj";
    const string CrashingTest = "MtpCrash.Tests.CrashTests.Crashes";
    const string CrashLinePrefix = "💥 test host crashed or was aborted: ";

    /// <summary>
    /// Passes and Fails run in another class (xunit runs classes in parallel); Crashes waits for them
    /// to finish and one second more, so that their results and its own start have been reported
    /// (the platform hands them to extensions asynchronously), then kills the process.
    /// </summary>
    const string Sources = """
        using System;
        using System.Threading;
        using Xunit;

        // Two classes at once even on a one-core machine.
        [assembly: Xunit.v3.Parallelization(MaxThreads = 4)]

        namespace MtpCrash.Tests;

        static class Progress
        {
            public static int Finished;
        }

        public class OtherTests
        {
            [Fact]
            public void Passes() => Interlocked.Increment(ref Progress.Finished);

            [Fact]
            public void Fails()
            {
                Interlocked.Increment(ref Progress.Finished);
                Assert.Equal(42, 6 * 9);
            }
        }

        public class CrashTests
        {
            [Fact]
            public void Crashes()
            {
                SpinWait.SpinUntil(() => Volatile.Read(ref Progress.Finished) == 2, TimeSpan.FromSeconds(5));
                Thread.Sleep(1000);
                Environment.FailFast("boom");
            }
        }

        """;

    static ThrowawayRepo CreateRepo(string name, string sources = Sources, bool recordCrashes = true)
    {
        var repo = ThrowawayRepo.Create(name);
        repo.AddXunitV3TestProject("MtpCrash", new Dictionary<string, string> { ["CrashTests.cs"] = sources },
            $"<SessionResumeRecordTestHostCrashes>{(recordCrashes ? "true" : "false")}</SessionResumeRecordTestHostCrashes>",
            useTestingPlatformRunner: true);
        return repo;
    }

    [Fact]
    public void A_crashing_test_app_is_recorded_as_aborted_with_the_test_that_crashed_and_a_normal_run_is_recorded_once()
    {
        using var repo = CreateRepo(nameof(A_crashing_test_app_is_recorded_as_aborted_with_the_test_that_crashed_and_a_normal_run_is_recorded_once));

        // dotnet test (MTP mode): the run fails, as it does without the package.
        var test = repo.DotNet("test", "--project", Project);
        Check.That(test.ExitCode != 0 && !test.TimedOut, "A crash fails dotnet test.\n" + repo.Describe());
        Check.That(repo.StateExists, "The crashed run is recorded.\n" + repo.Describe());
        var state = repo.ReadState();
        var run = Run(state, Project, "net10.0");
        Check.That(Str(run, "aborted")?.StartsWith("Test host process crashed (exit code ", StringComparison.Ordinal) == true, "runs[...].aborted says what happened.\n" + repo.Describe());
        Check.That(Bool(run, "partial") == true, "An aborted run did not see every test.\n" + repo.Describe());
        // Passes and Fails reported before the crash, Crashes cut short: three tests ran, two failed.
        Check.That((Int(run, "total"), Int(run, "passed"), Int(run, "failed")) == (3L, 1L, 2L), repo.Describe());
        var crashed = Assert.Single(FailuresOf(state, CrashingTest));
        Assert.Equal("crashed", Str(crashed, "outcome"));
        Assert.Equal(["net10.0"], Strings(crashed, "target_frameworks"));
        Assert.Equal($"dotnet test --project {Project} --filter-method {CrashingTest}", Str(crashed, "rerun"));
        var fails = Assert.Single(FailuresOf(state, "MtpCrash.Tests.OtherTests.Fails"));
        Assert.Equal(("failed", 1L), (Str(fails, "outcome"), Int(fails, "attempts")));

        // The restore says so.
        var restore = repo.MSBuild(Project, "SessionRestore", "-nologo");
        Check.That(restore.Succeeded, repo.Describe());
        var crashLine = Printed.Lines(restore.Output).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(CrashLinePrefix, StringComparison.Ordinal));
        Check.That(crashLine?.StartsWith(CrashLinePrefix + Project + " (net10.0): Test host process crashed", StringComparison.Ordinal) == true, "The restore prints the 💥 line.\n" + restore);
        Assert.Contains(Project + ":CrashTests.Crashes", restore.Output);
        Assert.DoesNotContain("✅ All", restore.Output);

        // The rerun command, pasted, runs the crashing test alone: it crashes again, and is recorded again.
        var rerun = repo.Shell(Str(crashed, "rerun")!);
        Check.Not(rerun.Succeeded, repo.Describe(rerun));
        state = repo.ReadState();
        Check.That(Int(Assert.Single(FailuresOf(state, CrashingTest)), "attempts") == 2, repo.Describe(rerun));
        Assert.Equal(1, Int(Assert.Single(FailuresOf(state, "MtpCrash.Tests.OtherTests.Fails")), "attempts"));   // not in that run

        // The test app run directly (the apphost) is watched the same way.
        var direct = repo.Shell("tests/MtpCrash/bin/Debug/net10.0/MtpCrash");
        Check.Not(direct.Succeeded, repo.Describe(direct));
        state = repo.ReadState();
        Check.That(Int(Assert.Single(FailuresOf(state, CrashingTest)), "attempts") == 3, repo.Describe(direct));
        Check.That(Str(Run(state, Project, "net10.0"), "aborted") is not null, repo.Describe(direct));

        // The crash fixed: a normal run is recorded by the test app alone, once (Fails' attempts go up by one).
        repo.WriteFile("tests/MtpCrash/CrashTests.cs", Sources.Replace("Environment.FailFast(\"boom\");", "// fixed"));
        var fixedRun = repo.DotNet("test", "--project", Project);
        Check.That(fixedRun.ExitCode != 0 && fixedRun.Output.Contains("total: 3", StringComparison.Ordinal), repo.Describe(fixedRun));
        state = repo.ReadState();
        run = Run(state, Project, "net10.0");
        Check.That(Str(run, "aborted") is null && Bool(run, "partial") == false, repo.Describe(fixedRun));
        Check.That((Int(run, "total"), Int(run, "passed"), Int(run, "failed")) == (3L, 2L, 1L), repo.Describe(fixedRun));
        Assert.Empty(FailuresOf(state, CrashingTest));
        Assert.Equal(3, Int(Assert.Single(FailuresOf(state, "MtpCrash.Tests.OtherTests.Fails")), "attempts"));
    }

    static string[] Journals(ThrowawayRepo repo) => Directory.GetFiles(repo.Root, ThrowawayRepo.StateFileName + ".run-*");

    [Fact]
    public void By_default_a_crashing_test_app_is_recorded_as_aborted_by_the_next_restore_and_its_journal_deleted()
    {
        using var repo = CreateRepo(nameof(By_default_a_crashing_test_app_is_recorded_as_aborted_by_the_next_restore_and_its_journal_deleted), recordCrashes: false);

        var test = repo.DotNet("test", "--project", Project);
        Check.That(test.ExitCode != 0 && !test.TimedOut, "A crash fails dotnet test.\n" + repo.Describe());
        // Nothing ran after the crash in the test app: its journal is next to the state file.
        Check.That(Journals(repo).Length == 1, "The test app journals its run next to the state file.\n" + repo.Describe());

        // The restore records the run, then prints it.
        var restore = repo.MSBuild(Project, "SessionRestore", "-nologo");
        Check.That(restore.Succeeded, repo.Describe());
        var crashLine = Printed.Lines(restore.Output).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(CrashLinePrefix, StringComparison.Ordinal));
        Check.That(crashLine?.StartsWith(CrashLinePrefix + Project + " (net10.0): Test host process exited without finishing the test run", StringComparison.Ordinal) == true,
            "The restore prints the 💥 line.\n" + restore);
        Assert.Contains(Project + ":CrashTests.Crashes", restore.Output);
        Assert.Empty(Journals(repo));
        var state = repo.ReadState();
        var run = Run(state, Project, "net10.0");
        Check.That(Str(run, "aborted")?.StartsWith("Test host process exited without finishing the test run", StringComparison.Ordinal) == true, repo.Describe());
        Check.That(Bool(run, "partial") == true, repo.Describe());
        Check.That((Int(run, "total"), Int(run, "passed"), Int(run, "failed")) == (3L, 1L, 2L), repo.Describe());
        var crashed = Assert.Single(FailuresOf(state, CrashingTest));
        Assert.Equal("crashed", Str(crashed, "outcome"));
        Assert.Equal($"dotnet test --project {Project} --filter-method {CrashingTest}", Str(crashed, "rerun"));

        // Recorded once: another restore changes nothing.
        var again = repo.MSBuild(Project, "SessionRestore", "-nologo");
        Check.That(again.Succeeded, repo.Describe(again));
        Assert.Equal(1, Int(Assert.Single(FailuresOf(repo.ReadState(), CrashingTest)), "attempts"));

        // The crash fixed: a normal run is recorded by the test app and leaves no journal.
        repo.WriteFile("tests/MtpCrash/CrashTests.cs", Sources.Replace("Environment.FailFast(\"boom\");", "// fixed"));
        var fixedRun = repo.DotNet("test", "--project", Project);
        Check.That(fixedRun.ExitCode != 0 && fixedRun.Output.Contains("total: 3", StringComparison.Ordinal), repo.Describe(fixedRun));
        Assert.Empty(Journals(repo));
        run = Run(repo.ReadState(), Project, "net10.0");
        Check.That(Str(run, "aborted") is null && Bool(run, "partial") == false, repo.Describe(fixedRun));
        Assert.Empty(FailuresOf(repo.ReadState(), CrashingTest));
    }

    /// <summary>
    /// A hang stopped by the platform's own --timeout (no hang-dump extension): the timeout only
    /// cancels, so the test host lives until the hanging test returns; then the run is recorded as
    /// stopped by --timeout, with the test that was running as crashed.
    /// </summary>
    [Fact]
    public void A_test_that_outlives_the_timeout_is_recorded_as_the_one_that_was_running()
    {
        using var repo = CreateRepo(nameof(A_test_that_outlives_the_timeout_is_recorded_as_the_one_that_was_running), """
            using System;
            using System.Threading;
            using Xunit;

            namespace MtpCrash.Tests;

            public class HangTests
            {
                [Fact]
                public void Hangs() => Thread.Sleep(TimeSpan.FromSeconds(10));   // ignores the cancellation
            }

            """);

        var test = repo.DotNet("test", "--project", Project, "--timeout", "2s");
        Check.That(test.ExitCode != 0 && !test.TimedOut, "A timed-out run fails dotnet test.\n" + repo.Describe());
        var state = repo.ReadState();
        var run = Run(state, Project, "net10.0");
        Check.That(Str(run, "aborted")?.StartsWith("The test run was stopped by --timeout", StringComparison.Ordinal) == true, repo.Describe());
        var hung = Assert.Single(FailuresOf(state, "MtpCrash.Tests.HangTests.Hangs"));
        Assert.Equal("crashed", Str(hung, "outcome"));
    }
}
