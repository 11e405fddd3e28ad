using System.Text.Json.Nodes;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Sessions.SessionFiles;

namespace SessionResume.Tests.Sessions;

/// <summary>`dotnet msbuild -t:SessionClear [-p:SessionClearHistory=true]`.</summary>
public class SessionClearTests
{
    [Fact]
    public void SessionClear_archives_and_removes_the_state_the_next_build_starts_the_next_id_and_SessionClearHistory_deletes_and_lists_every_file()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionClearTests));
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        Check.That(repo.Build(project).ExitCode != 0, repo.Describe());
        var firstText = repo.ReadStateText();
        var firstId = SessionId(repo, repo.ReadState());

        var clear = repo.MSBuild(project, "SessionClear");
        var context = repo.Describe();
        Check.That(clear.Succeeded, context);
        Check.Not(repo.StateExists, "SessionClear removes the state.\n" + context);
        Check.That(LinesWith(clear, $"Archived session {firstId} to {HistoryDirectory}/{firstId}.json").Count == 1, context);
        Check.That(LinesWith(clear, $"Removed {ThrowawayRepo.StateFileName}").Count == 1, context);
        var archive = ReadArchive(repo, firstId + ".json");
        Check.That(Str(archive, "session_id") == firstId && Unresolved(archive).Count == 1, Show(archive));
        Check.That(Str(archive, "ended_at") is not null, "The cleared session is archived as ended.\n" + Show(archive));
        Check.That(repo.ReadFile(Summaries).Contains($"## {firstId} ", StringComparison.Ordinal), repo.ReadFile(Summaries));
        // Nothing is lost: the archive holds what the state held.
        Check.That(Str(Unresolved(archive)[0], "fingerprint") == Str(Unresolved((JsonObject)JsonNode.Parse(firstText)!)[0], "fingerprint"), Show(archive));

        // The next build (nothing changed in the code) records again, under the next id: the history counts.
        var build = repo.Rebuild(project);
        context = repo.Describe();
        Check.That(build.ExitCode != 0 && repo.StateExists, "The build after SessionClear records a new state.\n" + context);
        var state = repo.ReadState();
        var secondId = SessionId(repo, state);
        Assert.Contains(secondId, NextIds(firstId));
        Check.That(Str(state, "continues_session") is null, "A cleared session is not continued.\n" + context);
        Check.That(Int(UnresolvedWithCode(repo, state, "CS0029"), "attempts") == 1, "A fresh start counts from one.\n" + context);

        // Clearing with the history: the current session is archived, then every history file goes, each listed.
        var wipe = repo.MSBuild(project, "SessionClear", "-p:SessionClearHistory=true");
        context = repo.Describe();
        Check.That(wipe.Succeeded, context);
        Check.Not(repo.StateExists, context);
        var deleted = new[] { $"{HistoryDirectory}/{secondId}.json", $"{HistoryDirectory}/{firstId}.json", Summaries };
        Check.That(LinesWith(wipe, $"Deleted {deleted.Length} file(s) of history").Count == 1, context);
        foreach (var file in deleted)
        {
            Check.That(Printed.Lines(wipe.Output).Count(l => l.Trim() == file) == 1, $"{file} must be listed once as deleted.\n{context}");
            Check.Not(repo.FileExists(file), $"{file} must be gone.\n{context}");
        }
        Check.That(HistoryFiles(repo).Count == 0, $"History left: {string.Join(", ", HistoryFiles(repo))}\n{context}");
    }
}
