using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;
using SessionResume.Views;

namespace SessionResume.Application;

/// <summary>What a verb did: lines to print, warnings, and errors (a user's mistake in the verb's arguments).</summary>
public sealed record VerbResult(IReadOnlyList<string> Lines, IReadOnlyList<Problem> Problems, IReadOnlyList<string> Errors)
{
    public static VerbResult Error(params string[] errors) => new([], [], errors);
}

/// <summary>SessionSave, SessionClear, SessionMerge and SessionHistory, over the one write path.</summary>
public static class SessionVerbs
{
    /// <summary>Merges what a person or agent knows, ends the session, archives it and updates the digest.</summary>
    public static VerbResult Save(Session session, SaveRequest request, Func<DateTime> clock)
    {
        SaveOutcome? outcome = null;
        SessionState? saved = null;
        var result = SessionWriter.Update(session, clock, (state, context) =>
        {
            outcome = SaveMerge.Apply(state, request, context.Now);
            saved = state;
            return outcome.Applied ? new Change(true, [], EndsSession: true) : Change.None([]);
        }, UpdateKind.SameSession);
        if (outcome is { Applied: false }) return new VerbResult([], result.Problems, outcome.Errors);
        if (!result.Recorded || saved is null)
            return new VerbResult(["The session was not saved; see the warnings above."], result.Problems, []);

        var lines = new List<string>
        {
            $"Saved session {saved.SessionId}" + (outcome!.Changes.Count > 0 ? $": {string.Join(", ", outcome.Changes)}." : "."),
        };
        if (result.ArchivedTo is { } archived)
            lines.Add($"Archived to {Relative(session, archived)}; summary in {SummariesDigest.RelativePath}.");
        lines.Add("The next build, test run or SessionSave starts a new session; open items carry over.");
        return new VerbResult(lines, result.Problems, []);
    }

    /// <summary>Archives the current state and removes it; with <paramref name="clearHistory"/> also the history and the digest.</summary>
    public static VerbResult Clear(Session session, bool clearHistory, Func<DateTime> clock)
    {
        var lines = new List<string>();
        string? id = null;
        var result = SessionWriter.Update(session, clock, (state, _) =>
        {
            id = state.SessionId;
            return Change.Written([]);
        }, UpdateKind.Close);
        var problems = result.Problems.ToList();
        if (result.ArchivedTo is { } archived) lines.Add($"Archived session {id} to {Relative(session, archived)}.");
        if (result.Recorded)
            lines.Add($"Removed {Relative(session, session.Location.StateFile)}; the next build or test run starts a new session.");
        else if (lines.Count == 0 && !File.Exists(session.Location.StateFile)) lines.Add("There is no current session to clear.");

        if (clearHistory)
        {
            var deleted = session.Archive.DeleteAll().Select(p => Relative(session, p)).ToList();
            if (SummariesDigest.Delete(session.Root) is { } digest) deleted.Add(Relative(session, digest));
            lines.Add(deleted.Count == 0 ? "There was no history to delete." : $"Deleted {deleted.Count} file(s) of history:");
            lines.AddRange(deleted.Select(d => "  " + d));
        }
        return new VerbResult(lines, problems, []);
    }

    /// <summary>
    /// Merges state files (CI artifacts) into the current state. An unreadable input is skipped with a
    /// warning naming it.
    /// </summary>
    public static VerbResult MergeFiles(Session session, IReadOnlyList<string> inputs, string baseDirectory, Func<DateTime> clock)
    {
        if (inputs.Count == 0) return VerbResult.Error("SessionMerge needs state files to merge: -p:SessionMergeInputs=\"a.json;b.json\".");
        var problems = new List<Problem>();
        var readable = new List<(string Label, SessionState State)>();
        foreach (var input in inputs)
        {
            var path = Path.GetFullPath(input, baseDirectory);
            var label = Label(session, path);
            try
            {
                readable.Add((label, StateJson.Deserialize(StateStore.ReadShared(path))));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidStateException)
            {
                var reason = e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : e.Message;
                problems.Add(Problems.MergeInputSkipped(label, reason, path));
            }
        }
        if (readable.Count == 0) return new VerbResult(["Nothing was merged."], problems, []);

        // The merge weighs each side's evidence by its time: the write path stamps this update's time only after the change.
        var result = SessionWriter.Update(session, clock, (state, _) =>
        {
            foreach (var (label, input) in readable) StateFileMerge.Merge(state, input, label);
            return Change.IfChanged([]);
        });
        problems.InsertRange(0, result.Problems);
        var names = string.Join(", ", readable.Select(r => r.Label));
        var lines = new List<string>
        {
            result.Changed
                ? $"Merged {names} into {Relative(session, session.Location.StateFile)}."
                : $"Merged {names}: nothing new.",
        };
        return new VerbResult(lines, problems, []);
    }

    public static VerbResult History(Session session)
    {
        var problems = new List<Problem>();
        var lines = HistoryView.Lines(session.Archive, problems);
        return new VerbResult(lines, problems, []);
    }

    /// <summary>As the history view prints paths: root-relative, or in full when outside the root (a configured history folder).</summary>
    static string Relative(Session session, string path) => DisplayPath.Of(path, session.Root);

    /// <summary>
    /// How an input is named in seen_in and merged_from: its path in the session, else its folder and
    /// file name (never an absolute path).
    /// </summary>
    static string Label(Session session, string path)
    {
        var relative = SessionPaths.ToSessionPath(path, session.Root);
        if (!relative.StartsWith(SessionPaths.ExternalPrefix, StringComparison.Ordinal)) return relative;
        var folder = Path.GetFileName(Path.GetDirectoryName(path));
        return string.IsNullOrEmpty(folder) ? Path.GetFileName(path) : $"{folder}/{Path.GetFileName(path)}";
    }
}
