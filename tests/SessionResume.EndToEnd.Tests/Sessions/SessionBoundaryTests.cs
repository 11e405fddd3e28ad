using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Sessions.SessionFiles;

namespace SessionResume.Tests.Sessions;

/// <summary>
/// Where one session ends and the next begins: after SessionSave, and after an idle gap (simulated by
/// moving the state's own timestamps back, never by waiting). What is open carries over; what is
/// done stays in the archive.
/// </summary>
public class SessionBoundaryTests
{
    const string Calculator = "src/Lib/Calculator.cs";
    const string Unknown = "src/Lib/Unknown.cs";

    [Fact]
    public void After_SessionSave_the_next_build_starts_the_next_session_carrying_only_what_is_still_open()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionBoundaryTests) + "-save");
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        repo.WriteFile(Unknown, Sources.UnknownName("Lib"));
        Check.That(repo.Build(project).ExitCode != 0, repo.Describe());
        var first = repo.ReadState();
        var firstId = SessionId(repo, first);
        var cs0029 = Str(UnresolvedWithCode(repo, first, "CS0029"), "fingerprint")!;
        var cs0103 = Str(UnresolvedWithCode(repo, first, "CS0103"), "fingerprint")!;

        // CS0103 is fixed in the code and resolved by the save; CS0029 stays open.
        repo.WriteFile(Unknown, Sources.Clean("Lib", "Unknown"));
        var save = repo.MSBuild(project, "SessionSave",
            "-p:SessionObjective=Carry me over",
            "-p:SessionCompleted=Parser",
            "-p:SessionInProgress=Lexer",
            "-p:SessionBlocked=CI access",
            "-p:SessionTodo=Docs",
            "-p:SessionDecision=Keep it small",
            "-p:SessionNextPrompt=Continue the lexer",
            $"-p:SessionResolution={PrintedFingerprint("CS0103", cs0103)}=Declared it");
        Check.That(save.Succeeded, repo.Describe());

        repo.Touch(Calculator);
        var build = repo.Rebuild(project);
        var context = repo.Describe();
        Check.That(build.ExitCode != 0, context);

        var state = repo.ReadState();
        Assert.Contains(SessionId(repo, state), NextIds(firstId));
        Check.That(Str(state, "continues_session") == firstId, context);
        Check.That(Str(state, "ended_at") is null, "The new session has not ended.\n" + context);
        Check.That(Str(state, "started_at") is not null, context);
        // Carried over.
        Check.That(Str(state["objectives"], "primary") == "Carry me over", context);
        Assert.Equal(["Lexer"], Strings(state["progress"], "in_progress"));
        Assert.Equal(["CI access"], Strings(state["progress"], "blocked"));
        Assert.Equal(["Docs"], Strings(state, "todos"));
        Assert.Equal(["Keep it small"], Strings(state["context"], "key_decisions"));
        Check.That(Strings(state, "next_prompts") is ["Continue the lexer", ..], context);
        var open = UnresolvedWithCode(repo, state, "CS0029");
        var openContext = Show(open) + "\n" + context;
        Check.That(Str(open, "fingerprint") == cs0029, openContext);
        Check.That(Int(open, "attempts") == 2, "The carried error keeps its attempts (1) and this build adds one.\n" + openContext);
        Check.That(Str(open, "first_seen_session") == firstId, openContext);
        Check.That(Unresolved(state).Count == 1, context);
        // Not carried over: they stay in the archive of the first session.
        Assert.Empty(Strings(state["progress"], "completed"));
        Assert.Empty(Resolved(state));

        var archive = ReadArchive(repo, firstId + ".json");
        Check.That(Str(archive, "session_id") == firstId, Show(archive));
        Assert.Equal(["Parser"], Strings(archive["progress"], "completed"));
        Check.That(Resolved(archive).Any(e => Str(e, "fingerprint") == cs0103 && Str(e, "resolution") == "Declared it"), Show(archive));
        Check.That(Str(archive, "ended_at") is not null, Show(archive));
    }

    [Fact]
    public void An_idle_gap_beyond_the_limit_archives_the_session_and_starts_a_new_one_but_SessionResumeIdleMinutes_600_keeps_it()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionBoundaryTests) + "-idle");
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        Check.That(repo.Build(project).ExitCode != 0, repo.Describe());
        var firstId = SessionId(repo, repo.ReadState());

        // Three hours idle, with a limit of ten hours: the same session goes on.
        ShiftBack(repo, TimeSpan.FromHours(3));
        repo.Touch(Calculator);
        Check.That(repo.Rebuild(project, "-p:SessionResumeIdleMinutes=600").ExitCode != 0, repo.Describe());
        var state = repo.ReadState();
        var context = repo.Describe();
        Check.That(SessionId(repo, state) == firstId, "Within SessionResumeIdleMinutes the session goes on.\n" + context);
        Check.That(Str(state, "continues_session") is null, context);
        Check.That(Int(state, "duration_minutes") >= 180, "The session started three hours ago.\n" + context);
        Check.That(Int(UnresolvedWithCode(repo, state, "CS0029"), "attempts") == 2, context);
        Check.Not(Directory.Exists(HistoryPath(repo)), "Nothing is archived while the session goes on.\n" + context);

        // Three hours idle again, with the default limit (120 minutes): a new session, the old one archived.
        ShiftBack(repo, TimeSpan.FromHours(3));
        var idleState = repo.ReadState();
        repo.Touch(Calculator);
        Check.That(repo.Rebuild(project).ExitCode != 0, repo.Describe());
        state = repo.ReadState();
        context = repo.Describe();
        var secondId = SessionId(repo, state);
        Assert.Contains(secondId, NextIds(firstId));
        Check.That(Str(state, "continues_session") == firstId, context);
        Check.That(Int(state, "duration_minutes") < 60, "The new session has just started.\n" + context);
        var open = UnresolvedWithCode(repo, state, "CS0029");
        Check.That(Int(open, "attempts") == 3 && Str(open, "first_seen_session") == firstId, Show(open) + "\n" + context);

        Check.That(HistoryFiles(repo).SequenceEqual([firstId + ".json"]), $"History: {string.Join(", ", HistoryFiles(repo))}\n{context}");
        var archive = ReadArchive(repo, firstId + ".json");
        Check.That(Str(archive, "session_id") == firstId, Show(archive));
        // The archive is the idle session as it was left: its last activity three hours ago.
        Check.That(Str(archive, "timestamp") == Str(idleState, "timestamp"), Show(archive) + "\n" + Show(idleState));
        Check.That(Int(UnresolvedWithCode(repo, archive, "CS0029"), "attempts") == 2, Show(archive));
        Check.That(repo.ReadFile(Summaries).Contains($"## {firstId} ", StringComparison.Ordinal), repo.ReadFile(Summaries));
    }
}
