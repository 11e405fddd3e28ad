using SessionResume.Merge;
using SessionResume.Model;
using static SessionResume.Tests.Support.States;

namespace SessionResume.Tests.Merge;

public class SaveMergeTests
{
    readonly SessionState state = State();

    SaveOutcome Save(SaveRequest request) => SaveMerge.Apply(state, request, At(30));

    [Fact]
    public void The_objective_replaces_the_primary_objective_and_secondary_ones_are_appended_once()
    {
        state.Objectives.Primary = "Old goal";
        state.Objectives.Secondary = ["Keep tests green"];

        var outcome = Save(new SaveRequest { Objective = "Implement JWT auth", Secondary = ["Keep tests green", "Write docs", "Write docs", "  "] });

        Assert.True(outcome.Applied);
        Assert.Equal("Implement JWT auth", state.Objectives.Primary);
        Assert.Equal(["Keep tests green", "Write docs"], state.Objectives.Secondary);
        Assert.Equal(["objective set", "1 secondary objective added"], outcome.Changes);
    }

    [Theory]
    [InlineData("done", "done")]
    [InlineData(" Blocked ", "blocked")]
    [InlineData("IN-PROGRESS", "in-progress")]
    public void A_status_is_accepted_in_any_case_and_stored_as_spelled_in_the_contract(string typed, string stored)
    {
        var outcome = Save(new SaveRequest { Status = typed });
        Assert.True(outcome.Applied);
        Assert.Equal(stored, state.Objectives.Status);
        Assert.Equal([$"status set to {stored}"], outcome.Changes);
    }

    [Fact]
    public void An_unknown_status_changes_nothing_and_names_the_valid_ones()
    {
        var before = Json(state);
        var outcome = Save(new SaveRequest { Status = "finished", Objective = "New goal", Todos = ["x"] });

        Assert.False(outcome.Applied);
        Assert.Equal("SessionStatus 'finished' is not a status: use in-progress, blocked or done.", Assert.Single(outcome.Errors));
        Assert.Empty(outcome.Changes);
        Assert.Equal(before, Json(state));
    }

    [Fact]
    public void Awkward_text_survives_exactly()
    {
        string[] awkward = ["a;b", "say \"hi\" and 'bye'", "line one\nline two", "ship it 🚀", "修复登录页面", "x=1; y=2"];
        var outcome = Save(new SaveRequest
        {
            Objective = "Füge \"Login\" hinzu; 🚀",
            Todos = awkward,
            Decisions = awkward,
            Completed = ["done; really ✅"],
            Notes = "Auth: JWT;\n\"stateless\" 🔐 — 无状态",
            NextPrompts = ["Run \"dotnet test\"; then 检查"],
        });

        Assert.True(outcome.Applied);
        // Through the file and back: what is written is what was given.
        var read = SessionResume.Model.StateJson.Deserialize(Json(state));
        Assert.Equal("Füge \"Login\" hinzu; 🚀", read.Objectives.Primary);
        Assert.Equal(awkward, read.Todos);
        Assert.Equal(awkward, read.Context.KeyDecisions);
        Assert.Equal(["done; really ✅"], read.Progress.Completed);
        Assert.Equal("Auth: JWT;\n\"stateless\" 🔐 — 无状态", read.Context.ArchitectureNotes);
        Assert.Equal(["Run \"dotnet test\"; then 检查"], read.NextPrompts);
    }

    [Fact]
    public void Items_are_trimmed_compared_ordinally_and_empty_ones_ignored()
    {
        state.Todos = ["Fix login"];
        var outcome = Save(new SaveRequest { Todos = ["  Fix login ", "fix login", "", "   ", "Add tests"] });

        Assert.Equal(["Fix login", "fix login", "Add tests"], state.Todos);
        Assert.Equal(["2 todos added"], outcome.Changes);
    }

    [Fact]
    public void An_item_in_progress_that_is_completed_moves_and_leaves_the_todos()
    {
        state.Progress.InProgress = ["Login page", "Logout"];
        state.Progress.Blocked = ["Token refresh"];
        state.Todos = ["Login page", "Docs"];

        var outcome = Save(new SaveRequest { Completed = ["Login page", "Token refresh"] });

        Assert.Equal(["Login page", "Token refresh"], state.Progress.Completed);
        Assert.Equal(["Logout"], state.Progress.InProgress);
        Assert.Empty(state.Progress.Blocked);
        Assert.Equal(["Docs"], state.Todos);
        Assert.Equal(["2 items completed", "1 todo done"], outcome.Changes);
    }

    [Fact]
    public void An_item_moves_between_in_progress_and_blocked()
    {
        state.Progress.InProgress = ["Login page"];
        state.Progress.Blocked = ["Token refresh"];

        Save(new SaveRequest { Blocked = ["Login page"], InProgress = ["Token refresh"] });

        Assert.Equal(["Token refresh"], state.Progress.InProgress);
        Assert.Equal(["Login page"], state.Progress.Blocked);
    }

    [Fact]
    public void A_completed_item_named_in_progress_again_is_reopened()
    {
        state.Progress.Completed = ["Login page"];
        Save(new SaveRequest { InProgress = ["Login page"] });
        Assert.Empty(state.Progress.Completed);
        Assert.Equal(["Login page"], state.Progress.InProgress);
    }

    [Fact]
    public void Within_one_request_completed_wins_over_blocked_and_in_progress()
    {
        Save(new SaveRequest { InProgress = ["A", "B"], Blocked = ["A", "B"], Completed = ["A"] });
        Assert.Equal(["A"], state.Progress.Completed);
        Assert.Equal(["B"], state.Progress.Blocked);
        Assert.Empty(state.Progress.InProgress);
    }

    [Fact]
    public void Notes_are_appended_as_a_paragraph_and_the_same_paragraph_is_not_repeated()
    {
        var first = Save(new SaveRequest { Notes = "Auth is stateless." });
        var second = Save(new SaveRequest { Notes = "Tokens live 15 minutes." });
        var again = Save(new SaveRequest { Notes = " Auth is stateless. " });

        Assert.Equal("Auth is stateless.\n\nTokens live 15 minutes.", state.Context.ArchitectureNotes);
        Assert.Equal(["notes set"], first.Changes);
        Assert.Equal(["notes appended"], second.Changes);
        Assert.Empty(again.Changes);
    }

    [Fact]
    public void Person_written_prompts_come_before_the_generated_ones()
    {
        state.Errors.Unresolved = [Error("0123456789abcdef")];
        state.NextPrompts = ["Read the auth RFC", "Fix error CS0029 in src/App/B.cs line 42: Cannot implicitly convert type 'string' to 'int'"];

        var outcome = Save(new SaveRequest { NextPrompts = ["Ask about token lifetime", "Read the auth RFC"] });

        Assert.Equal(["Read the auth RFC", "Ask about token lifetime",
            "Fix error CS0029 in src/App/B.cs line 42: Cannot implicitly convert type 'string' to 'int'"], state.NextPrompts);
        Assert.Equal(["1 next prompt added"], outcome.Changes);
    }

    [Fact]
    public void An_empty_request_changes_nothing()
    {
        state.Todos = ["x"];
        var before = Json(state);
        var outcome = Save(new SaveRequest { Objective = "  ", Status = "", Notes = null });
        Assert.True(outcome.Applied);
        Assert.Empty(outcome.Changes);
        Assert.Equal(before, Json(state));
    }

    [Fact]
    public void Decisions_are_appended_to_the_key_decisions()
    {
        state.Context.KeyDecisions = ["Use JWT"];
        var outcome = Save(new SaveRequest { Decisions = ["Use JWT", "No sessions in the database"] });
        Assert.Equal(["Use JWT", "No sessions in the database"], state.Context.KeyDecisions);
        Assert.Equal(["1 decision added"], outcome.Changes);
    }
}
