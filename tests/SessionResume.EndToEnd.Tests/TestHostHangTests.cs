using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Infrastructure.TestsJson;

namespace SessionResume.Tests;

/// <summary>A hanging test, stopped by --blame-hang-timeout, is recorded as an aborted run with the test that hung.</summary>
public class TestHostHangTests
{
    const string Project = "tests/Hang.Tests/Hang.Tests.csproj";

    [Fact]
    public void A_hanging_test_stopped_by_the_hang_timeout_is_recorded_as_crashed()
    {
        using var repo = ThrowawayRepo.Create();
        repo.AddXunitTestProject("Hang.Tests", new Dictionary<string, string>
        {
            ["HangTests.cs"] = """
                namespace Hang.Tests;

                public class HangTests
                {
                    [Fact]
                    public void Passes() => Assert.True(true);

                    [Fact]
                    public void Hangs() => Thread.Sleep(TimeSpan.FromMinutes(3));
                }

                """,
        });

        var test = repo.Test(Project, "--blame-hang-timeout", "10s", "--blame-hang-dump-type", "none");
        Check.That(test.ExitCode != 0 && !test.TimedOut, "A hang stopped by vstest fails dotnet test.\n" + repo.Describe());

        var state = repo.ReadState();
        var run = Run(state, Project, "net10.0");
        Check.That(!string.IsNullOrWhiteSpace(Str(run, "aborted")), "The run is recorded as aborted.\n" + repo.Describe());
        Check.That(Bool(run, "partial") == true, repo.Describe());
        var hung = FailuresOf(state, "Hang.Tests.HangTests.Hangs");
        Check.That(hung.Count == 1 && Str(hung[0], "outcome") == "crashed", "The test that hung is a failure marked crashed.\n" + repo.Describe());
        Check.That(Str(hung[0], "rerun")!.Contains("FullyQualifiedName=Hang.Tests.HangTests.Hangs", StringComparison.Ordinal), repo.Describe());
    }
}
