using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

/// <summary>
/// .NET 10 dotnet test in Microsoft.Testing.Platform mode (global.json) with an xunit.v3 MTP test
/// app: no MSBuild target runs after the tests, so only the package's MTP extension can record them.
/// </summary>
public class TestingPlatformTests
{
    const string Project = "tests/Mtp/Mtp.csproj";

    static ThrowawayRepo CreateRepo(string name)
    {
        var repo = ThrowawayRepo.Create(name);
        repo.AddXunitV3TestProject("Mtp", new Dictionary<string, string> { ["CalcTests.cs"] = """
            using Xunit;

            namespace Mtp.Tests;

            public class CalcTests
            {
                [Fact]
                public void Adds() => Assert.Equal(4, 2 + 2);

                [Fact]
                public void Divides() => Assert.Equal(4, 7 / 2);

                [Theory]
                [InlineData(1)]
                [InlineData(2)]
                public void Is_one(int value) => Assert.Equal(1, value);

                [Fact(Skip = "not yet")]
                public void Later() { }
            }
            """ }, useTestingPlatformRunner: true);
        return repo;
    }

    static int LineOf(string source, string text) => source.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    static CommandResult RunTests(ThrowawayRepo repo, params string[] extra) => repo.DotNet(["test", "--project", Project, .. extra]);

    [Fact]
    public void An_mtp_run_lands_in_the_state_and_its_rerun_command_runs_exactly_the_failures()
    {
        using var repo = CreateRepo(nameof(An_mtp_run_lands_in_the_state_and_its_rerun_command_runs_exactly_the_failures));

        var run = RunTests(repo);
        Check.Not(run.Succeeded, repo.Describe());
        Check.That(run.Output.Contains("total: 5", StringComparison.Ordinal), repo.Describe());
        Check.That(repo.StateExists, repo.Describe());
        var state = repo.ReadState();
        var tests = TestsJson.Section(state);
        var context = repo.Describe();
        Assert.True((2L, 2L, 1L, 5L) == (Int(tests, "passing"), Int(tests, "failing"), Int(tests, "skipped"), Int(tests, "total")), context);
        Assert.Equal(["tests/Mtp/CalcTests.cs:CalcTests.Divides", "tests/Mtp/CalcTests.cs:CalcTests.Is_one(value: 2)"], TestsJson.FailedPaths(state));
        var divides = Assert.Single(TestsJson.Failures(state), f => Str(f, "name") == "Mtp.Tests.CalcTests.Divides");
        Assert.Equal("dotnet test --project tests/Mtp/Mtp.csproj --filter-method Mtp.Tests.CalcTests.Divides", Str(divides, "rerun"));
        // The failing line (the top frame in the test's file), as under VSTest; xunit.v3 itself reports the declaration.
        Assert.Equal(LineOf(repo.ReadFile("tests/Mtp/CalcTests.cs"), "public void Divides()"), Int(divides, "line"));

        // The generated next prompt reruns both failing methods; pasted into a shell it runs exactly them.
        var prompt = Assert.Single(Strings(state, "next_prompts"), p => p.StartsWith("Rerun the failing tests of " + Project, StringComparison.Ordinal));
        var rerun = repo.Shell(prompt[(prompt.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
        Check.That(rerun.Output.Contains("total: 3", StringComparison.Ordinal) && rerun.Output.Contains("failed: 2", StringComparison.Ordinal), repo.Describe(rerun));
        var afterRerun = repo.ReadState();
        Check.That(TestsJson.Bool(TestsJson.Run(afterRerun, Project, "net10.0"), "partial") == true, repo.Describe(rerun));
        Assert.Equal(2, TestsJson.Failures(afterRerun).Count);
    }

    /// <summary>A failing test whose assertion is three lines below its declaration.</summary>
    const string AssertionBelowDeclaration = """
        using Xunit;

        namespace Same.Tests;

        public class HalfTests
        {
            [Fact]
            public void Halves()
            {
                var half = 7 / 2;
                Assert.Equal(4, half);
            }
        }
        """;

    [Fact]
    public void VSTest_and_the_testing_platform_record_the_same_line_for_the_same_failing_test()
    {
        var assertion = LineOf(AssertionBelowDeclaration, "Assert.Equal(4, half);");
        var lines = new List<long?>();
        foreach (var mtp in new[] { false, true })
        {
            using var repo = ThrowawayRepo.Create(nameof(VSTest_and_the_testing_platform_record_the_same_line_for_the_same_failing_test) + (mtp ? "_mtp" : "_vstest"));
            var sources = new Dictionary<string, string> { ["HalfTests.cs"] = AssertionBelowDeclaration };
            var project = mtp ? repo.AddXunitV3TestProject("Same", sources, useTestingPlatformRunner: true) : repo.AddXunitTestProject("Same", sources);
            var run = mtp ? repo.DotNet("test", "--project", project) : repo.Test(project);
            Check.That(run.ExitCode != 0, repo.Describe(run));
            var failure = Assert.Single(TestsJson.Failures(repo.ReadState()));
            lines.Add(Int(failure, "line"));
        }
        // The oracle is the source: the failing assertion's line, under both runners.
        Assert.Equal([assertion, assertion], lines);
    }

    [Fact]
    public void Running_the_test_app_directly_records_the_fix()
    {
        using var repo = CreateRepo(nameof(Running_the_test_app_directly_records_the_fix));
        Check.Not(RunTests(repo).Succeeded, repo.Describe());

        repo.WriteFile("tests/Mtp/CalcTests.cs", repo.ReadFile("tests/Mtp/CalcTests.cs").Replace("Assert.Equal(4, 7 / 2)", "Assert.Equal(3, 7 / 2)"));
        Check.That(repo.Build(Project, "--no-restore").Succeeded, repo.Describe());
        var app = repo.Shell("tests/Mtp/bin/Debug/net10.0/Mtp");
        Check.Not(app.Succeeded, repo.Describe(app));

        var state = repo.ReadState();
        Assert.Contains(TestsJson.Fixed(state), f => Str(f, "name") == "Mtp.Tests.CalcTests.Divides");
        Assert.Equal(["tests/Mtp/CalcTests.cs:CalcTests.Is_one(value: 2)"], TestsJson.FailedPaths(state));
    }
}
