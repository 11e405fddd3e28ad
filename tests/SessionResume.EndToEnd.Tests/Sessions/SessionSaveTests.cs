using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Sessions.SessionFiles;

namespace SessionResume.Tests.Sessions;

/// <summary>
/// `dotnet msbuild -t:SessionSave -p:Session...=...`: every property, awkward text through MSBuild's
/// command line, and lists across two saves. Every -p: argument is ONE argv element (no shell), as a
/// shell passes '-p:SessionObjective="a, b"': the double quotes are part of the argument, for MSBuild.
/// </summary>
public class SessionSaveTests
{
    const string Source = "src/Lib/Calculator.cs";

    // Awkward text. A comma needs the value quoted for MSBuild; an emoji, CJK and accents need nothing.
    const string Objective = "Ship v2, then 🚀 日本語 café";
    // A real line break inside the argument: MSBuild keeps it in the property (quoted or not), so it
    // arrives in the task and in the JSON as "\n".
    const string TodoWithNewline = "First line\nSecond line";
    const string NotesWithNewline = "Notes line 1\nNotes line 2 — ✓ Ünïcödé";

    [Fact]
    public void SessionSave_with_every_property_sets_the_state_ends_and_archives_the_session_and_writes_its_summary_with_awkward_text_intact()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionSaveTests) + "-every");
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        var build = repo.Build(project);
        Check.That(build.ExitCode != 0 && repo.StateExists, repo.Describe());
        var fingerprint = Str(UnresolvedWithCode(repo, repo.ReadState(), "CS0029"), "fingerprint")!;

        var save = repo.MSBuild(project, "SessionSave",
            $"-p:SessionObjective=\"{Objective}\"",
            "-p:SessionSecondary=\"Refresh tokens;Rate limit%3B per user\"",
            "-p:SessionStatus=blocked",
            "-p:SessionCompleted=\"Parser%3B lexer;Said %22hello%22\"",
            "-p:SessionInProgress=Naïve façade für Ünïcödé",
            "-p:SessionBlocked=Waiting on 审查 review",
            $"-p:SessionTodo={TodoWithNewline}",
            "-p:SessionDecision=\"Use JWT, not cookies\"",
            $"-p:SessionNotes=\"{NotesWithNewline}\"",
            "-p:SessionNextPrompt=Continue with 🚀 the refresh endpoint",
            $"-p:SessionResolution=\"{fingerprint}=Parsed it with int.Parse%3B checked x = 1\"");
        var context = repo.Describe();
        Check.That(save.Succeeded, context);

        var text = repo.ReadStateText();
        var state = repo.ReadState();
        var id = SessionId(repo, state);
        var savedLines = LinesWith(save, "Saved session ");
        Check.That(savedLines.Count == 1 && savedLines[0].Contains($"Saved session {id}", StringComparison.Ordinal),
            $"Expected one 'Saved session {id}' line.\n{context}");

        // objectives
        var objectives = state["objectives"];
        Check.That(Str(objectives, "primary") == Objective, context);
        Assert.Equal(["Refresh tokens", "Rate limit; per user"], Strings(objectives, "secondary"));
        Check.That(Str(objectives, "status") == "blocked", context);
        // progress and todos
        Assert.Equal(["Parser; lexer", "Said \"hello\""], Strings(state["progress"], "completed"));
        Assert.Equal(["Naïve façade für Ünïcödé"], Strings(state["progress"], "in_progress"));
        Assert.Equal(["Waiting on 审查 review"], Strings(state["progress"], "blocked"));
        Assert.Equal([TodoWithNewline], Strings(state, "todos"));
        // context
        Assert.Equal(["Use JWT, not cookies"], Strings(state["context"], "key_decisions"));
        Check.That(Str(state["context"], "architecture_notes") == NotesWithNewline, context);
        // next prompts: the person's own first; the error's generated prompt is gone with the error.
        var prompts = Strings(state, "next_prompts");
        Check.That(prompts.Count >= 1 && prompts[0] == "Continue with 🚀 the refresh endpoint", context);
        Check.Not(prompts.Any(p => p.Contains("CS0029", StringComparison.Ordinal)), "The resolved error's prompt must go.\n" + context);
        // the resolution: the whole text after the first '=' (a '%3B' inside it stays one item)
        Check.That(Unresolved(state).Count == 0, context);
        var resolved = Resolved(state).Where(e => Str(e, "fingerprint") == fingerprint).ToList();
        Check.That(resolved.Count == 1 && Str(resolved[0], "resolution") == "Parsed it with int.Parse; checked x = 1", context);
        // MSBuild's escapes are decoded before the package sees the values.
        Assert.DoesNotContain("%3B", text);
        Assert.DoesNotContain("%22", text);

        // The session ended...
        var endedAt = Str(state, "ended_at");
        Check.That(endedAt is not null && DateTime.TryParse(endedAt, out _), "ended_at must be set.\n" + context);
        // ...and its archive is the state, byte for byte.
        Check.That(HistoryFiles(repo).SequenceEqual([id + ".json"]), $"Expected only {id}.json in the history: {string.Join(", ", HistoryFiles(repo))}\n{context}");
        var archived = File.ReadAllText(ArchivePath(repo, id + ".json"));
        Check.That(archived == text, $"The archive differs from the state.\n--- archive ---\n{archived}\n{context}");
        Check.That(LinesWith(save, $"Archived to {HistoryDirectory}/{id}.json").Count == 1, context);

        // token-cache/summaries.md starts with this session's section, with the objective as typed.
        Check.That(repo.FileExists(Summaries), context);
        var summaries = repo.ReadFile(Summaries);
        var firstHeading = Printed.Lines(summaries).FirstOrDefault(l => l.StartsWith("## ", StringComparison.Ordinal));
        Check.That(firstHeading is not null && firstHeading.StartsWith($"## {id} ", StringComparison.Ordinal),
            $"The first section of {Summaries} must be {id}'s.\n--- {Summaries} ---\n{summaries}\n{context}");
        Assert.Contains($"- Objective: {Objective} (blocked", summaries);
        Assert.Contains("Parser; lexer", summaries);
    }

    [Fact]
    public void An_unquoted_comma_in_a_property_is_rejected_by_MSBuild_MSB1006_and_changes_nothing()
    {
        // Documents the command line rule README states: -p: values split at ',' unless quoted for MSBuild.
        using var repo = ThrowawayRepo.Create(nameof(SessionSaveTests) + "-comma");
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));

        var save = repo.MSBuild(project, "SessionSave", "-restore", "-p:SessionObjective=JWT login, then refresh");
        var context = repo.Describe();
        Check.That(save.ExitCode != 0, context);
        Assert.Contains("MSB1006", save.Output);
        Check.Not(repo.StateExists, context);
        Check.Not(Directory.Exists(HistoryPath(repo)), context);

        // The same value quoted for MSBuild (the double quotes inside the one argument) arrives whole.
        var quoted = repo.MSBuild(project, "SessionSave", "-restore", "-p:SessionObjective=\"JWT login, then refresh\"");
        Check.That(quoted.Succeeded, repo.Describe());
        Check.That(Str(repo.ReadState()["objectives"], "primary") == "JWT login, then refresh", repo.Describe());
    }

    [Fact]
    public void A_completed_item_that_was_in_progress_moves_to_completed_and_lists_get_no_duplicates_across_two_saves()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionSaveTests) + "-lists");
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));

        // -restore: SessionSave needs the package's targets, not a compile.
        var first = repo.MSBuild(project, "SessionSave", "-restore",
            "-p:SessionObjective=Login",
            "-p:SessionSecondary=Performance",
            "-p:SessionInProgress=\"Login form;Token refresh\"",
            "-p:SessionTodo=\"Write docs;Add tests\"",
            "-p:SessionDecision=Use JWT",
            "-p:SessionNextPrompt=Finish the login form");
        Check.That(first.Succeeded, repo.Describe());
        var firstId = SessionId(repo, repo.ReadState());

        var second = repo.MSBuild(project, "SessionSave",
            "-p:SessionSecondary=Performance",
            "-p:SessionCompleted=\"Login form;Write docs\"",
            "-p:SessionInProgress=Token refresh",
            "-p:SessionTodo=\"Add tests;Add metrics\"",
            "-p:SessionDecision=\"Use JWT;Rotate refresh tokens\"",
            "-p:SessionNextPrompt=Finish the login form");
        var context = repo.Describe();
        Check.That(second.Succeeded, context);

        var state = repo.ReadState();
        // The second save is a session of its own: the first one ended with its save.
        Assert.Contains(SessionId(repo, state), NextIds(firstId));
        Check.That(Str(state, "continues_session") == firstId, context);
        Check.That(Str(state["objectives"], "primary") == "Login", "The objective carries over.\n" + context);
        Assert.Equal(["Performance"], Strings(state["objectives"], "secondary"));
        Assert.Equal(["Login form", "Write docs"], Strings(state["progress"], "completed"));
        Assert.Equal(["Token refresh"], Strings(state["progress"], "in_progress"));
        Assert.Empty(Strings(state["progress"], "blocked"));
        Assert.Equal(["Add tests", "Add metrics"], Strings(state, "todos"));
        Assert.Equal(["Use JWT", "Rotate refresh tokens"], Strings(state["context"], "key_decisions"));
        Check.That(Strings(state, "next_prompts").Count(p => p == "Finish the login form") == 1, context);
        Check.That(LinesWith(second, "completed").Count == 1, "The save says what moved.\n" + context);

        // The first session's archive keeps the item where it was then.
        var archive = ReadArchive(repo, firstId + ".json");
        Assert.Equal(["Login form", "Token refresh"], Strings(archive["progress"], "in_progress"));
        Assert.Empty(Strings(archive["progress"], "completed"));
    }
}
