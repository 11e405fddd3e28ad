using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Views;

namespace SessionResume.Tests.Merge;

/// <summary>build.projects: one build replaces its project and framework; the sums are the worst outcome and the newest time.</summary>
public class BuildOutcomesTests
{
    static readonly DateTime T0 = new(2026, 12, 4, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_worst_framework_decides_the_project_and_the_worst_project_the_build()
    {
        var state = new SessionState();
        BuildOutcomes.Record(state, "src/A/A.csproj", "net8.0", BuildOutcome.Succeeded, 0, compiled: true, T0);
        BuildOutcomes.Record(state, "src/A/A.csproj", "net10.0", BuildOutcome.Failed, 3, compiled: true, T0.AddMinutes(1));
        BuildOutcomes.Record(state, "src/B/B.csproj", "net10.0", BuildOutcome.Incomplete, null, compiled: false, T0.AddMinutes(2));

        var a = state.Build.Projects["src/A/A.csproj"];
        Assert.Equal((BuildOutcome.Failed, T0.AddMinutes(1), (int?)3), (a.Outcome, a.Time, a.Errors));
        Assert.Null(state.Build.Projects["src/B/B.csproj"].Errors);
        Assert.Equal((BuildOutcome.Failed, T0.AddMinutes(2)), (state.Build.Outcome, state.Build.Time));

        // A later good build of each framework clears it; the other project still counts.
        BuildOutcomes.Record(state, "src/A/A.csproj", "net10.0", BuildOutcome.Succeeded, 0, compiled: false, T0.AddMinutes(3));
        Assert.Equal(BuildOutcome.Succeeded, state.Build.Projects["src/A/A.csproj"].Outcome);
        Assert.Equal(BuildOutcome.Incomplete, state.Build.Outcome);
        // A build that did not compile keeps the time the compiler last ran.
        Assert.Equal(T0.AddMinutes(1), state.Build.Projects["src/A/A.csproj"].Frameworks["net10.0"].Compiled);
    }

    [Fact]
    public void A_dropped_framework_and_then_its_project_disappear()
    {
        var state = new SessionState();
        BuildOutcomes.Record(state, "src/A/A.csproj", "net8.0", BuildOutcome.Failed, 1, compiled: true, T0);
        BuildOutcomes.Record(state, "src/A/A.csproj", "net10.0", BuildOutcome.Succeeded, 0, compiled: true, T0);
        BuildOutcomes.Forget(state, "src/A/A.csproj", ["net10.0"]);
        Assert.Equal(BuildOutcome.Succeeded, state.Build.Outcome);
        BuildOutcomes.Forget(state, "src/A/A.csproj", ["net9.0"]);
        Assert.Empty(state.Build.Projects);
        Assert.Null(state.Build.Outcome);
    }

    [Fact]
    public void A_failed_build_opens_the_summary_and_takes_away_every_all_clear()
    {
        var state = new SessionState { Project = "p", Timestamp = T0.AddMinutes(5), Objectives = { Primary = "x" } };
        state.Tests.Passing = 6;
        state.Tests.Runs["tests/T/T.csproj"] = new(StringComparer.Ordinal) { ["net10.0"] = new TestRunCounts { Time = T0, Total = 6, Passed = 6 } };
        var green = SummaryRenderer.Render(SessionSummary.From(state, T0.AddMinutes(5)), "text");
        Assert.Contains("✅ All 6 tests passed\n", green);
        Assert.Contains("everything recorded is green", green);

        BuildOutcomes.Record(state, "src/A/A.csproj", "net10.0", BuildOutcome.Failed, 0, compiled: false, T0.AddMinutes(4));
        var text = SummaryRenderer.Render(SessionSummary.From(state, T0.AddMinutes(5)), "text");
        var lines = text.Split('\n');
        Assert.Equal("❌ Last build failed: src/A/A.csproj — " + BuildFailures.NoCompilerError, lines[1]);
        Assert.Contains("✅ All 6 tests passed (as of 2026-12-04 14:00 UTC, before the last build)", text);
        Assert.DoesNotContain("everything recorded is green", text);
        Assert.Contains("→ Fix the build of src/A/A.csproj", text);
    }

    [Fact]
    public void A_real_framework_replaces_the_placeholder_of_a_project_that_failed_before_it_was_evaluated()
    {
        var state = new SessionState();
        BuildOutcomes.Record(state, "src/A/A.csproj", BuildOutcomes.Unknown, BuildOutcome.Failed, null, compiled: false, T0);
        BuildOutcomes.Record(state, "src/A/A.csproj", "net10.0", BuildOutcome.Succeeded, 0, compiled: true, T0.AddMinutes(1));
        Assert.Equal(["net10.0"], state.Build.Projects["src/A/A.csproj"].Frameworks.Keys);
        Assert.Equal(BuildOutcome.Succeeded, state.Build.Outcome);
    }

    [Fact]
    public void A_build_that_did_not_finish_names_a_known_cause_from_outside_the_compiler()
    {
        var state = new SessionState();
        BuildOutcomes.Record(state, "src/A/A.csproj", "net10.0", BuildOutcome.Incomplete, null, compiled: false, T0);
        state.Errors.Unresolved.Add(new ErrorEntry { Code = "CS0029", File = "src/A/B.cs", Line = 3, Project = "src/A/A.csproj", Error = "old" });
        Assert.Equal("❌ Last build did not finish: src/A/A.csproj — " + BuildFailures.NotFinished, Assert.Single(BuildFailures.Lines(state)));

        state.Errors.Unresolved.Add(new ErrorEntry
        {
            Code = "NU1101",
            File = "src/A/A.csproj",
            Project = "src/A/A.csproj",
            Error = "Unable to find package X.",
            Origin = ErrorOrigin.Restore,
        });
        Assert.Equal("❌ Last build did not finish: src/A/A.csproj — NU1101 in src/A/A.csproj: Unable to find package X.",
            Assert.Single(BuildFailures.Lines(state)));
    }
}
