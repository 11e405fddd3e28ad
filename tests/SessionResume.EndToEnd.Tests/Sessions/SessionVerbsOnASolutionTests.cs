using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;
using static SessionResume.Tests.Sessions.SessionFiles;

namespace SessionResume.Tests.Sessions;

/// <summary>Each verb acts once per invocation, also on a solution whose projects all use the package.</summary>
public class SessionVerbsOnASolutionTests
{
    [Fact]
    public void SessionSave_SessionHistory_SessionMerge_and_SessionClear_on_a_two_project_solution_each_act_once()
    {
        using var repo = ThrowawayRepo.Create(nameof(SessionVerbsOnASolutionTests));
        var alpha = repo.AddClassLibrary("Alpha", "Clean.cs", Sources.Clean("Alpha"));
        var beta = repo.AddClassLibrary("Beta", "Clean.cs", Sources.Clean("Beta"));
        var solution = repo.AddSolution("All", alpha, beta);

        var save = repo.MSBuild(solution, "SessionSave", "-restore", "-p:SessionObjective=Once only", "-p:SessionTodo=\"One;Two\"");
        var context = repo.Describe();
        Check.That(save.Succeeded, context);
        var saved = LinesWith(save, "Saved session ");
        Check.That(saved.Count == 1, $"Expected one 'Saved session' line, found {saved.Count}.\n{context}");
        var state = repo.ReadState();
        var id = SessionId(repo, state);
        Check.That(saved[0].Contains(id, StringComparison.Ordinal), context);
        Check.That(HistoryFiles(repo).SequenceEqual([id + ".json"]), $"Expected one archive: {string.Join(", ", HistoryFiles(repo))}\n{context}");
        Assert.Equal(["One", "Two"], Strings(state, "todos"));
        var summaries = repo.ReadFile(Summaries);
        Check.That(Printed.CountOccurrences(summaries, "\n## ") == 1, $"One section in {Summaries}.\n{summaries}");

        var history = repo.MSBuild(solution, "SessionHistory");
        Check.That(history.Succeeded, repo.Describe());
        Check.That(Printed.Lines(history.Output).Count(l => l.TrimStart().StartsWith(id, StringComparison.Ordinal)) == 1,
            "SessionHistory prints the session once.\n" + repo.Describe());

        // SessionMerge (a relative input, relative to where the command runs) merges once.
        var artifact = repo.ReadState();
        artifact["todos"] = new System.Text.Json.Nodes.JsonArray("Three");
        repo.WriteFile("artifacts/ci.json", Show(artifact));
        var merge = repo.MSBuild(solution, "SessionMerge", "-p:SessionMergeInputs=artifacts/ci.json");
        context = repo.Describe();
        Check.That(merge.Succeeded, context);
        Check.That(LinesWith(merge, "Merged artifacts/ci.json").Count == 1, context);
        state = repo.ReadState();
        Assert.Equal(["artifacts/ci.json"], Strings(state, "merged_from"));
        Assert.Equal(["One", "Two", "Three"], Strings(state, "todos"));
        // The save ended the first session: the merge went into the next one.
        var nextId = SessionId(repo, state);
        Assert.Contains(nextId, NextIds(id));

        var clear = repo.MSBuild(solution, "SessionClear");
        context = repo.Describe();
        Check.That(clear.Succeeded, context);
        Check.That(LinesWith(clear, "Archived session").Count == 1, context);
        Check.That(LinesWith(clear, "Removed").Count == 1, context);
        Assert.Empty(LinesWith(clear, "no current session"));
        Check.Not(repo.StateExists, context);
        Check.That(LinesWith(clear, $"Archived session {nextId}").Count == 1, context);
        // One archive per session: the save's and the clear's.
        Check.That(HistoryFiles(repo).SequenceEqual([id + ".json", nextId + ".json"]), $"History: {string.Join(", ", HistoryFiles(repo))}\n{context}");
    }
}
