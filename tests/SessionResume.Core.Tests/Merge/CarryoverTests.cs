using SessionResume.Merge;
using SessionResume.Model;
using static SessionResume.Tests.Support.States;

namespace SessionResume.Tests.Merge;

public class CarryoverTests
{
    const string OldId = "sess_20261124_001";
    const string NewId = "sess_20261124_002";
    const string Generated = "Fix error CS0029 in src/App/B.cs line 42: Cannot implicitly convert type 'string' to 'int'";

    /// <summary>A session with something in every section.</summary>
    static SessionState Old()
    {
        var old = State(OldId, minutes: 45);
        old.DurationMinutes = 45;
        old.Objectives = new Objectives { Primary = "JWT auth", Secondary = ["Docs"], Status = "in-progress", Extra = Extra("deadline", "Friday") };
        old.Progress = new Progress { Completed = ["Middleware"], InProgress = ["Login page"], Blocked = ["Refresh tokens"], Extra = Extra("percent", "60") };
        old.Files = new FileChanges { Created = ["src/App/A.cs"], Modified = ["src/App/B.cs"], Deleted = ["src/App/Old.cs"] };
        var carried = Error("0123456789abcdef", attempts: 4, seen: -30);
        carried.FirstSeenSession = "sess_20261120_003";
        carried.SeenBefore = new SeenBefore { SessionId = "sess_20261119_001", Resolution = "int.Parse" };
        carried.Extra = Extra("note", "flaky on Windows");
        old.Errors.Unresolved = [carried, Error("1111111111111111", code: "CS1002", line: 3)];
        old.Errors.Resolved = [Resolved("2222222222222222")];
        old.Errors.Omitted = new(StringComparer.Ordinal) { [App] = new OmittedCount { Count = 3 } };
        old.Tests.Failures = [Failure("3333333333333333", attempts: 2)];
        old.Tests.Fixed = [new FixedTest { Name = "App.Tests.X.Y", Path = "tests/App.Tests/X.cs:X.Y", Project = TestProject, FixedAt = At(10) }];
        AddRun(old, "net10.0", Run(total: 10, failed: 1, skipped: 2, minutes: 40));
        old.Tests.Failing = 1;
        old.Tests.Passing = 7;
        old.Tests.Skipped = 2;
        old.Tests.Total = 10;
        old.Tests.NotInLastRun = 1;
        old.Tests.FailedPaths = [old.Tests.Failures[0].Path];
        old.Warnings.Entries = [Error("4444444444444444", code: "CS0168", line: 8)];
        old.Warnings.Counts[App] = new(StringComparer.Ordinal) { ["net10.0"] = new(StringComparer.Ordinal) { ["CS0168"] = 1 } };
        old.Warnings.Total = 1;
        old.Todos = ["Write README"];
        old.Context = new SessionContext { TechStack = ["C#", "net10.0"], KeyDecisions = ["Use JWT"], ArchitectureNotes = "Stateless." };
        old.NextPrompts = ["Ask about token lifetime", Generated];
        old.EndedAt = At(45);
        old.MergedFrom = ["linux.json"];
        old.Extra = Extra("owner", "ana");
        return old;
    }

    static SessionState Next(SessionState old) => Carryover.StartNext(old, NewId, At(120).AddTicks(5555));

    [Fact]
    public void The_new_session_has_its_own_identity_and_times_and_points_at_the_old_one()
    {
        var next = Next(Old());
        Assert.Equal((NewId, At(120), At(120), 0, OldId), (next.SessionId, next.StartedAt, next.Timestamp, next.DurationMinutes, next.ContinuesSession));
        Assert.Null(next.EndedAt);
        Assert.Null(next.MergedFrom);
    }

    [Fact]
    public void Open_work_is_carried()
    {
        var old = Old();
        var next = Next(old);

        Assert.Equal(("JWT auth", "in-progress"), (next.Objectives.Primary, next.Objectives.Status));
        Assert.Equal(["Docs"], next.Objectives.Secondary);
        Assert.Equal(["Login page"], next.Progress.InProgress);
        Assert.Equal(["Refresh tokens"], next.Progress.Blocked);
        Assert.Equal(["Write README"], next.Todos);
        Assert.Equal(["C#", "net10.0"], next.Context.TechStack);
        Assert.Equal(["Use JWT"], next.Context.KeyDecisions);
        Assert.Equal("Stateless.", next.Context.ArchitectureNotes);
        Assert.Equal("my-app", next.Project);
        Assert.Equal(3, next.Errors.Omitted![App].Count);
        Assert.Equal(Json(old.Warnings.Counts), Json(next.Warnings.Counts));
        Assert.Equal(("4444444444444444", 1), (Assert.Single(next.Warnings.Entries).Fingerprint, next.Warnings.Total));
    }

    [Fact]
    public void Unresolved_errors_keep_their_history()
    {
        var next = Next(Old());
        Assert.Equal(["0123456789abcdef", "1111111111111111"], next.Errors.Unresolved.Select(e => e.Fingerprint));
        var e = next.Errors.Unresolved[0];
        Assert.Equal((4, At(-30), "sess_20261120_003"), (e.Attempts, e.FirstSeen, e.FirstSeenSession));
        Assert.Equal(("sess_20261119_001", "int.Parse"), (e.SeenBefore!.SessionId, e.SeenBefore.Resolution));
        Assert.Equal("flaky on Windows", e.Extra!["note"].GetString());
    }

    [Fact]
    public void Entries_without_a_first_session_were_first_seen_in_the_old_session()
    {
        var next = Next(Old());
        Assert.Equal(OldId, next.Errors.Unresolved[1].FirstSeenSession);
        Assert.Equal(OldId, next.Tests.Failures[0].FirstSeenSession);
        Assert.Equal(OldId, next.Warnings.Entries[0].FirstSeenSession);
    }

    [Fact]
    public void Failing_tests_are_carried_with_their_runs_and_counts()
    {
        var old = Old();
        var next = Next(old);
        var f = Assert.Single(next.Tests.Failures);
        Assert.Equal(("3333333333333333", 2), (f.Fingerprint, f.Attempts));
        Assert.Equal(old.Tests.FailedPaths, next.Tests.FailedPaths);
        Assert.Equal((7, 1, 2, 10, 1), (next.Tests.Passing, next.Tests.Failing, next.Tests.Skipped, next.Tests.Total, next.Tests.NotInLastRun));
        Assert.Equal(Json(old.Tests.Runs), Json(next.Tests.Runs));
    }

    [Fact]
    public void What_belonged_to_the_old_session_is_not_carried()
    {
        var next = Next(Old());
        Assert.Empty(next.Progress.Completed);
        Assert.Empty(next.Errors.Resolved);
        Assert.Empty(next.Tests.Fixed);
        Assert.Empty(next.Files.Created);
        Assert.Empty(next.Files.Modified);
        Assert.Empty(next.Files.Deleted);
    }

    [Fact]
    public void Only_person_written_prompts_are_carried()
    {
        Assert.Equal(["Ask about token lifetime"], Next(Old()).NextPrompts);
    }

    [Fact]
    public void Unknown_keys_are_carried_at_every_level()
    {
        var next = Next(Old());
        Assert.Equal("ana", next.Extra!["owner"].GetString());
        Assert.Equal("Friday", next.Objectives.Extra!["deadline"].GetString());
        Assert.Equal("60", next.Progress.Extra!["percent"].GetString());
    }

    [Theory]
    [InlineData("done")]
    [InlineData("Done")]
    public void Done_objectives_are_not_carried(string status)
    {
        var old = Old();
        old.Objectives.Status = status;
        var next = Next(old);
        Assert.Equal(Json(new Objectives()), Json(next.Objectives));
        Assert.Equal(["Login page"], next.Progress.InProgress);
    }

    [Fact]
    public void The_old_state_is_not_modified_and_shares_nothing_with_the_new_one()
    {
        var old = Old();
        var before = Json(old);
        var next = Next(old);
        Assert.Equal(before, Json(old));

        next.Errors.Unresolved[0].Attempts = 99;
        next.Todos.Add("more");
        next.Tests.Runs[TestProject]["net10.0"].Total = 0;
        Assert.Equal(before, Json(old));
    }

    [Fact]
    public void A_blank_new_id_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Carryover.StartNext(Old(), " ", At(120)));
    }
}
