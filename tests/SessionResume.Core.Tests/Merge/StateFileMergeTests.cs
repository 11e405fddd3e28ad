using SessionResume.Merge;
using SessionResume.Model;
using static SessionResume.Tests.Merge.MergeInputs;
using static SessionResume.Tests.Support.States;

namespace SessionResume.Tests.Merge;

public class StateFileMergeTests
{
    [Fact]
    public void Merging_the_same_input_again_changes_nothing()
    {
        var current = State("sess_20261124_001");
        current.Errors.Unresolved = [Error("9999999999999999", seen: 80)];
        current.Errors.Resolved = [Resolved("1111111111111111", minutes: 5)];
        StateFileMerge.Merge(current, Linux(), "linux.json");
        StateFileMerge.Merge(current, Windows(), "windows.json");
        var once = Json(current);

        StateFileMerge.Merge(current, Windows(), "windows.json");
        Assert.Equal(once, Json(current));
        StateFileMerge.Merge(current, Linux(), "linux.json");
        Assert.Equal(once, Json(current));
    }

    [Fact]
    public void Merging_a_file_with_resolutions_and_fixes_twice_changes_nothing_the_second_time()
    {
        var target = State(minutes: 20);
        target.Errors.Unresolved = [Error(Shared), Error(LinuxOnly, code: "CS8602")];
        target.Tests.Failures = [Failure(SharedTest)];
        var input = Windows();
        input.Errors.Resolved = [Resolved(LinuxOnly, "null check", minutes: 30, code: "CS8602")];
        var fixedTest = Failure("ffffffffffffffff", name: "App.Tests.Other.Test");
        input.Tests.Fixed = [new FixedTest { Name = fixedTest.Name, Path = fixedTest.Path, Project = fixedTest.Project, FixedAt = At(30) }];
        input.Objectives.Primary = "Green on Windows";
        input.Todos = ["Check registry access"];

        StateFileMerge.Merge(target, input, "windows.json");
        var once = Json(target);
        StateFileMerge.Merge(target, input, "windows.json");

        Assert.Equal(once, Json(target));
    }

    [Fact]
    public void Either_order_gives_the_same_errors_and_failing_tests()
    {
        var lw = Linux();
        StateFileMerge.Merge(lw, Windows(), "windows.json");
        var wl = Windows();
        StateFileMerge.Merge(wl, Linux(), "linux.json");

        Assert.Equal(Sets(lw), Sets(wl));
        Assert.Equal(3, lw.Errors.Unresolved.Count);
        Assert.Equal(5, lw.Errors.Unresolved.Single(e => e.Fingerprint == Shared).Attempts);
        Assert.Equal(5, wl.Errors.Unresolved.Single(e => e.Fingerprint == Shared).Attempts);
        Assert.Equal(lw.Tests.FailedPaths, wl.Tests.FailedPaths);
        Assert.Equal((lw.Tests.Failing, lw.Tests.Total), (wl.Tests.Failing, wl.Tests.Total));
    }

    [Fact]
    public void The_input_is_not_modified()
    {
        var input = Windows();
        var before = Json(input);
        var target = Linux();

        StateFileMerge.Merge(target, input, "windows.json");
        target.Errors.Unresolved[0].Attempts = 99;
        target.Tests.Runs[TestProject]["net8.0"].Total = 0;

        Assert.Equal(before, Json(input));
    }

    [Fact]
    public void Merged_from_lists_each_label_once_sorted()
    {
        var target = State();
        StateFileMerge.Merge(target, Windows(), "windows.json");
        StateFileMerge.Merge(target, Linux(), "linux.json");
        StateFileMerge.Merge(target, Windows(), " windows.json ");
        Assert.Equal(["linux.json", "windows.json"], target.MergedFrom);
    }

    [Fact]
    public void A_blank_label_is_refused()
    {
        Assert.Throws<ArgumentException>(() => StateFileMerge.Merge(State(), Linux(), " "));
    }

    [Fact]
    public void The_merged_state_is_as_recent_as_the_newer_file()
    {
        var target = State(minutes: 10);
        StateFileMerge.Merge(target, Windows(), "windows.json");
        Assert.Equal(At(70), target.Timestamp);
        StateFileMerge.Merge(target, Linux(), "linux.json");
        Assert.Equal(At(70), target.Timestamp);
    }

    [Fact]
    public void Single_person_written_values_are_kept_from_the_target_when_it_has_them()
    {
        var target = State();
        target.Objectives.Primary = "JWT auth";
        target.Context.ArchitectureNotes = "Stateless.";
        var input = State(minutes: 10);
        input.Project = "other-name";
        input.Objectives = new Objectives { Primary = "Something else", Status = "blocked" };
        input.Context.ArchitectureNotes = "Sessions in Redis.";

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(("JWT auth", "blocked", "Stateless.", "my-app"),
            (target.Objectives.Primary, target.Objectives.Status, target.Context.ArchitectureNotes, target.Project));
    }

    [Fact]
    public void Empty_person_written_values_are_taken_from_the_input()
    {
        var target = new SessionState();
        var input = State(minutes: 10);
        input.Objectives.Primary = "Green on Windows";
        input.Context.ArchitectureNotes = "Stateless.";

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(("Green on Windows", "Stateless.", "my-app"), (target.Objectives.Primary, target.Context.ArchitectureNotes, target.Project));
    }

    [Fact]
    public void Person_written_lists_are_united_without_duplicates_target_first()
    {
        var target = State();
        target.Objectives.Secondary = ["Docs"];
        target.Todos = ["Write README", "Ship"];
        target.Context = new SessionContext { TechStack = ["C#", "xunit"], KeyDecisions = ["Use JWT"] };
        target.NextPrompts = ["Ask about tokens"];
        var input = State(minutes: 10);
        input.Objectives.Secondary = ["Tests", "Docs"];
        input.Todos = ["Check CI", "Write README"];
        input.Context = new SessionContext { TechStack = ["c#", "net8.0"], KeyDecisions = ["Use JWT", "No Redis"] };
        input.NextPrompts = ["Check the Windows job", "Ask about tokens",
            "Fix error CS0029 in src/App/B.cs line 42: Cannot implicitly convert type 'string' to 'int'"];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(["Docs", "Tests"], target.Objectives.Secondary);
        Assert.Equal(["Write README", "Ship", "Check CI"], target.Todos);
        Assert.Equal(["C#", "xunit", "net8.0"], target.Context.TechStack);
        Assert.Equal(["Use JWT", "No Redis"], target.Context.KeyDecisions);
        // The input's generated prompt names an error the merged state does not have.
        Assert.Equal(["Ask about tokens", "Check the Windows job"], target.NextPrompts);
    }

    [Fact]
    public void Progress_is_united_with_completed_winning_and_otherwise_the_targets_placement()
    {
        var target = State();
        target.Progress = new Progress { InProgress = ["Login page", "Logout"], Blocked = ["Refresh"] };
        target.Todos = ["Logout", "Docs"];
        var input = State(minutes: 10);
        input.Progress = new Progress { Completed = ["Logout"], InProgress = ["Refresh", "CI"], Blocked = ["Login page", "Signing keys"] };

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(["Logout"], target.Progress.Completed);
        Assert.Equal(["Login page", "CI"], target.Progress.InProgress);
        Assert.Equal(["Refresh", "Signing keys"], target.Progress.Blocked);
        Assert.Equal(["Docs"], target.Todos);
    }

    [Fact]
    public void Unknown_keys_of_the_input_are_added_and_the_targets_own_win()
    {
        var target = State();
        target.Extra = Extra("owner", "ana");
        var input = State(minutes: 10);
        input.Extra = Extra("owner", "ci-bot");
        input.Extra["ticket"] = Extra("ticket", "AUTH-12")["ticket"];
        input.Objectives.Extra = Extra("deadline", "Friday");
        var entry = Error(Shared);
        entry.Extra = Extra("note", "only on Windows");
        input.Errors.Unresolved = [entry];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(("ana", "AUTH-12"), (target.Extra["owner"].GetString(), target.Extra["ticket"].GetString()));
        Assert.Equal("Friday", target.Objectives.Extra!["deadline"].GetString());
        Assert.Equal("only on Windows", target.Errors.Unresolved[0].Extra!["note"].GetString());
        Assert.Contains("\"ticket\": \"AUTH-12\"", Json(target));
    }

    [Fact]
    public void Files_of_the_working_copy_are_not_touched()
    {
        var target = State();
        target.Files.Modified = ["src/App/B.cs"];
        var input = State(minutes: 10);
        input.Files.Created = ["src/App/OnlyInCi.cs"];

        StateFileMerge.Merge(target, input, "ci.json");

        Assert.Equal(["src/App/B.cs"], target.Files.Modified);
        Assert.Empty(target.Files.Created);
    }
}
