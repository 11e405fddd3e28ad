using SessionResume.Merge;
using SessionResume.Model;
using static SessionResume.Tests.Support.States;

namespace SessionResume.Tests.Merge;

public class SaveResolutionTests
{
    const string Conversion = "0123456789abcdef";
    const string Missing = "fedcba9876543210";
    readonly SessionState state = State();

    public SaveResolutionTests()
    {
        state.Errors.Unresolved =
        [
            Error(Conversion, attempts: 3, seen: 0),
            Error("0123456700000000", code: "CS1002", file: "src/App/D.cs", line: 3, message: "; expected"),
        ];
        state.Errors.Resolved = [Resolved(Missing, "Added the using", minutes: -60)];
    }

    SaveOutcome Resolve(params string[] resolutions) => SaveMerge.Apply(state, new SaveRequest { Resolutions = resolutions }, At(30).AddTicks(1234));

    [Theory]
    [InlineData("CS0029-0123456789ab")]
    [InlineData("cs0029-0123456789AB")]
    [InlineData("0123456789abcdef")]
    [InlineData("012345678")]
    public void An_unresolved_error_named_any_accepted_way_moves_to_resolved(string typed)
    {
        var outcome = Resolve($"{typed}=Parsed the text with int.Parse");

        Assert.True(outcome.Applied);
        Assert.DoesNotContain(state.Errors.Unresolved, e => e.Fingerprint == Conversion);
        var r = state.Errors.Resolved[0];
        Assert.Equal((Conversion, "Parsed the text with int.Parse", "CS0029", "src/App/B.cs", 42, 3, App),
            (r.Fingerprint, r.Resolution, r.Code, r.File, r.Line, r.Attempts, r.Project));
        Assert.Equal((state.SessionId, At(30)), (r.SessionId, r.ResolvedAt));
        Assert.Equal(["resolved CS0029-0123456789ab"], outcome.Changes);
    }

    [Fact]
    public void The_resolution_text_is_kept_exactly_and_may_contain_equals_signs()
    {
        Resolve("CS0029-0123456789ab=Changed `x = \"a\"` to `x = 1`; see 修复 🚀");
        Assert.Equal("Changed `x = \"a\"` to `x = 1`; see 修复 🚀", state.Errors.Resolved[0].Resolution);
    }

    [Fact]
    public void The_generated_prompt_of_a_resolved_error_goes()
    {
        SessionResume.Merge.NextPrompts.Regenerate(state);
        Assert.Contains(state.NextPrompts, p => p.StartsWith("Fix error CS0029", StringComparison.Ordinal));
        Resolve("CS0029-0123456789ab=fixed");
        // As the write path does after every change.
        SessionResume.Merge.NextPrompts.Regenerate(state);
        Assert.DoesNotContain(state.NextPrompts, p => p.StartsWith("Fix error CS0029", StringComparison.Ordinal));
    }

    [Fact]
    public void An_already_resolved_error_gets_the_new_text_and_keeps_when_it_was_fixed()
    {
        var outcome = Resolve("CS0103-fedcba987654=Imported the namespace");

        var r = Assert.Single(state.Errors.Resolved);
        Assert.Equal(("Imported the namespace", At(-60), "sess_20261123_002"), (r.Resolution, r.ResolvedAt, r.SessionId));
        Assert.Equal(["resolution of CS0103-fedcba987654 replaced"], outcome.Changes);
        Assert.Equal(2, state.Errors.Unresolved.Count);
    }

    [Fact]
    public void An_error_is_found_by_an_earlier_fingerprint_kept_as_an_alias()
    {
        state.Errors.Unresolved[0].Aliases = ["aaaabbbbccccdddd"];
        var outcome = Resolve("aaaabbbbcccc=fixed");
        Assert.True(outcome.Applied);
        Assert.Equal(Conversion, state.Errors.Resolved[0].Fingerprint);
    }

    [Fact]
    public void A_current_fingerprint_is_preferred_over_another_errors_alias()
    {
        state.Errors.Unresolved[1].Aliases = [Conversion];
        var outcome = Resolve($"{Conversion}=fixed");
        Assert.True(outcome.Applied);
        Assert.Equal(Conversion, state.Errors.Resolved[0].Fingerprint);
        Assert.Equal("CS1002", Assert.Single(state.Errors.Unresolved).Code);
    }

    [Fact]
    public void An_error_that_came_back_after_a_resolution_is_one_error_not_an_ambiguity()
    {
        state.Errors.Resolved.Add(Resolved(Conversion, "Old fix", code: "CS0029"));
        var outcome = Resolve("CS0029-0123456789ab=New fix");

        Assert.True(outcome.Applied);
        var r = Assert.Single(state.Errors.Resolved, r => r.Fingerprint == Conversion);
        Assert.Equal("New fix", r.Resolution);
    }

    [Fact]
    public void An_ambiguous_prefix_changes_nothing_and_lists_the_candidates()
    {
        var before = Json(state);
        var outcome = Resolve("01234567=fixed");

        Assert.False(outcome.Applied);
        var error = Assert.Single(outcome.Errors);
        Assert.StartsWith("SessionResolution '01234567' names 2 errors; give more hex digits:", error);
        Assert.Contains("CS1002-012345670000 src/App/D.cs:3 \"; expected\"", error);
        Assert.Contains("CS0029-0123456789ab src/App/B.cs:42 \"Cannot implicitly convert type 'string' to 'int'\"", error);
        Assert.Equal(before, Json(state));
    }

    [Fact]
    public void An_unknown_fingerprint_changes_nothing_at_all_and_lists_close_matches()
    {
        var before = Json(state);
        var outcome = SaveMerge.Apply(state, new SaveRequest
        {
            Objective = "New goal",
            Todos = ["Something"],
            Resolutions = ["CS0029-0123456789ab=fixed", "CS0029-0123999999aa=fixed too"],
        }, At(30));

        Assert.False(outcome.Applied);
        Assert.Empty(outcome.Changes);
        Assert.Equal(before, Json(state));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("SessionResolution 'CS0029-0123999999aa': no error has this fingerprint. Close matches:\n" +
                     "  CS0029-0123456789ab src/App/B.cs:42 \"Cannot implicitly convert type 'string' to 'int'\"\n" +
                     "  CS1002-012345670000 src/App/D.cs:3 \"; expected\"", error);
    }

    [Fact]
    public void Close_matches_are_at_most_five_longest_shared_prefix_first()
    {
        state.Errors.Unresolved = Enumerable.Range(0, 8).Select(i => Error($"ab{i}{new string('0', 13)}", line: i + 1)).ToList();
        state.Errors.Unresolved.Add(Error("ab70999999999999", line: 99));
        var error = Assert.Single(Resolve("ab709998=fixed").Errors);

        var lines = error.Split('\n').Skip(1).ToList();
        Assert.Equal(5, lines.Count);
        Assert.StartsWith("  CS0029-ab7099999999 ", lines[0]);
        Assert.StartsWith("  CS0029-ab7000000000 ", lines[1]);
    }

    [Fact]
    public void A_long_message_is_cut_to_its_first_words_in_a_close_match()
    {
        state.Errors.Unresolved[0].Error = "one two three four five six seven eight nine ten\nsecond line";
        var error = Assert.Single(Resolve("0123456789ff=fixed").Errors);
        Assert.Contains("\"one two three four five six seven eight …\"", error);
    }

    [Fact]
    public void An_unknown_fingerprint_with_nothing_close_says_so()
    {
        var error = Assert.Single(Resolve("9999999999999999=fixed").Errors);
        Assert.Equal("SessionResolution '9999999999999999': no error has this fingerprint. There are no close matches.", error);
    }

    [Fact]
    public void A_printed_form_with_another_code_does_not_name_the_error_but_lists_it()
    {
        var outcome = Resolve("CS0103-0123456789ab=fixed");
        Assert.False(outcome.Applied);
        Assert.Contains("no error has this fingerprint. Close matches:\n  CS0029-0123456789ab", Assert.Single(outcome.Errors));
    }

    [Fact]
    public void Too_few_hex_digits_are_not_a_fingerprint()
    {
        var outcome = Resolve("CS0029-0123456=fixed");
        Assert.False(outcome.Applied);
        var error = Assert.Single(outcome.Errors);
        Assert.StartsWith("SessionResolution 'CS0029-0123456' is not a fingerprint: give the printed form (CS0029-0123456789ab), the full fingerprint or at least 8 of its hex digits.", error);
        Assert.Contains("Close matches:\n  CS0029-0123456789ab", error);
    }

    [Fact]
    public void A_resolution_without_equals_or_without_text_changes_nothing_and_every_problem_is_reported()
    {
        var before = Json(state);
        var outcome = SaveMerge.Apply(state, new SaveRequest
        {
            Status = "later",
            Resolutions = ["CS0029-0123456789ab fixed it", "CS0029-0123456789ab=  ", "CS1002-012345670000=ok"],
        }, At(30));

        Assert.False(outcome.Applied);
        Assert.Equal([
            "SessionStatus 'later' is not a status: use in-progress, blocked or done.",
            "SessionResolution 'CS0029-0123456789ab fixed it' has no '=': write FINGERPRINT=how it was fixed.",
            "SessionResolution 'CS0029-0123456789ab=' does not say how it was fixed: write CS0029-0123456789ab=how it was fixed.",
        ], outcome.Errors);
        Assert.Equal(before, Json(state));
    }

    [Fact]
    public void Several_resolutions_apply_together_and_the_later_text_wins()
    {
        var outcome = Resolve("CS0029-0123456789ab=first", "CS1002-012345670000=semicolon added", "0123456789abcdef=second");
        Assert.True(outcome.Applied);
        Assert.Empty(state.Errors.Unresolved);
        Assert.Equal("second", state.Errors.Resolved.Single(r => r.Fingerprint == Conversion).Resolution);
        Assert.Equal(["resolved CS0029-0123456789ab", "resolved CS1002-012345670000", "resolution of CS0029-0123456789ab replaced"], outcome.Changes);
    }
}
