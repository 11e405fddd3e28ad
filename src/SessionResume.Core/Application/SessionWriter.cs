using SessionResume.Common;
using SessionResume.Lifecycle;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Redaction;
using SessionResume.Store;

namespace SessionResume.Application;

/// <summary>What kind of update a writer makes, for the steps of the write path that depend on it.</summary>
public enum UpdateKind
{
    /// <summary>A build, a test run, SessionMerge: a session that was saved, or idle past the limit, ends and the next begins.</summary>
    Activity,
    /// <summary>
    /// SessionSave, and a crashed run recorded before SessionRestore: what comes after a pause belongs to
    /// the session it describes.
    /// </summary>
    SameSession,
    /// <summary>
    /// SessionClear: the session as found is ended, archived and its file removed. Nothing new is
    /// recorded about it (no git, no new times) except test runs whose test host died.
    /// </summary>
    Close,
}

/// <summary>
/// What a change decided: whether to write, what to tell the user, and whether the write ends the
/// session (SessionSave: the state as written is archived, after everything else is done to it).
/// </summary>
public sealed record Change(bool Write, IReadOnlyList<Problem> Problems, bool EndsSession = false)
{
    /// <summary>Write only when the change left the state different (as it would be written): SessionMerge.</summary>
    public bool WhenChanged { get; init; }

    public static Change Written(IEnumerable<Problem> problems) => new(true, problems.ToList());
    public static Change None(IEnumerable<Problem> problems) => new(false, problems.ToList());
    public static Change IfChanged(IEnumerable<Problem> problems) => new(true, problems.ToList()) { WhenChanged = true };
}

/// <summary>
/// The one path by which every writer (build capture, test logger, MTP extension, the verbs) changes
/// the state. In order:
/// <list type="number">
/// <item>ask git which files changed (outside the lock: other writers should not wait for it);</item>
/// <item>lock and read the state (an unreadable one is set aside);</item>
/// <item>start the next session when this one has ended (the ended one is archived below);</item>
/// <item>the session's id, start and project;</item>
/// <item>the files changed;</item>
/// <item>the test runs whose test host died (<see cref="CrashedRuns"/>);</item>
/// <item>the change itself;</item>
/// <item>first_seen_session of the new problems, and the generated next prompts;</item>
/// <item>redaction of everything that is written, after every text is in, so nothing keeps a secret;</item>
/// <item>unless nothing changed: the update's time as the last activity;</item>
/// <item>archive the ended session (and the one that ends now: SessionSave, SessionClear);</item>
/// <item>write (or remove) the state, delete the journals recorded;</item>
/// <item>on the first write in a git repository, the .gitignore block.</item>
/// </list>
/// </summary>
public static class SessionWriter
{
    /// <summary>An automatic update (a build or a test run), subject to auto_save and save_on_error.</summary>
    public static CaptureResult Record(Session session, Func<DateTime> clock, bool failed,
        Func<SessionState, MergeContext, IEnumerable<Problem>> change)
    {
        if (!session.Settings.AutoSave || (failed && !session.Settings.SaveOnError)) return new CaptureResult(false, []);
        return Update(session, clock, (state, context) => Change.Written(change(state, context)));
    }

    /// <summary>Any update; see <see cref="UpdateKind"/> for how the kinds differ.</summary>
    public static CaptureResult Update(Session session, Func<DateTime> clock, Func<SessionState, MergeContext, Change> change,
        UpdateKind kind = UpdateKind.Activity)
    {
        var problems = new List<Problem>();
        var files = kind == UpdateKind.Close ? null : ChangedFiles(session, problems);
        var archive = session.Archive;
        string? archivedTo = null;
        var changed = false;
        var result = new StateStore(session.Location.StateFile, clock).Apply(existing =>
        {
            // There is nothing to close.
            if (existing is null && kind == UpdateKind.Close) return StoreAction.Keep;
            var now = clock();
            var (state, ended) = kind == UpdateKind.Close
                ? (existing!, null)
                : SessionBoundary.Continue(existing ?? new SessionState(), Time.Truncate(now), session.Settings.IdleMinutes,
                    archive.SessionIds(), idleEnds: kind == UpdateKind.Activity);
            var context = new MergeContext(now, new FileSourceText(session.Root))
            {
                LastActivity = state.Timestamp,
                LoadArchivedResolutions = () => archive.LoadResolutions(problems),
                Hunks = files is null ? null : Hunks(session.Root, state.Git?.SessionStartCommit),
            };
            if (kind != UpdateKind.Close) SessionClock.Identify(state, context.Now, session.Location.ProjectName, archive.SessionIds());
            if (files is not null)
            {
                FileChangeMerge.Apply(state.Files, files, session.OwnPaths);
                GitFactsMerge.Apply(state, files, session.OwnPaths);
            }
            // A test run whose test host died since the last update: recorded first, once (its journal goes with this write).
            var finished = CrashedRuns.Recover(state, session, context, problems, out var recovered);
            var before = StateJson.Serialize(state);
            var decision = change(state, context);
            problems.AddRange(decision.Problems);
            Derive(state);
            Redact(ended, state);
            changed = decision.Write && (!decision.WhenChanged || StateJson.Serialize(state) != before);
            if (!changed && !recovered)
            {
                CrashedRuns.Delete(finished);
                return StoreAction.Keep;
            }
            if (kind != UpdateKind.Close) SessionClock.Stamp(state, context.Now);
            // The ended session leaves the state file only once its archive is safe: if archiving
            // fails (a full disk, a file where the history folder should be), this update waits.
            // An id that cannot name a file (a hand edit) cannot be archived at all: go on, warned.
            if (ended is not null && !ArchiveEnded(ended, session, problems)) return StoreAction.Keep;
            if (decision.EndsSession || kind == UpdateKind.Close)
            {
                // SessionSave ends the session now; SessionClear keeps the end a save gave it.
                state.EndedAt = kind == UpdateKind.Close ? state.EndedAt ?? context.Now : context.Now;
                archivedTo = Archive(state, session, problems);
                // SessionClear never deletes what could not be kept.
                if (kind == UpdateKind.Close && archivedTo is null) return StoreAction.Keep;
            }
            // Still under the lock, so no other writer records these runs again.
            CrashedRuns.Delete(finished);
            return kind == UpdateKind.Close ? StoreAction.Remove : StoreAction.Write(state);
        });
        problems.InsertRange(0, result.Problems);
        if (result.Written && result.Created && session.ManageGitIgnore && session.Location.IsGitRepository)
            EnsureGitIgnore(session, problems);
        return new CaptureResult(result.Written, problems)
        {
            ArchivedTo = result.Written || kind == UpdateKind.Close ? archivedTo : null,
            Changed = result.Written && changed,
        };
    }

    /// <summary>
    /// Whether a change would change the state as it is on disk, read without the lock: the check of a
    /// writer that is often asked to record nothing new (the restore records, the full-capture logger),
    /// so that then nothing is locked or written and git is not asked. Without a state file,
    /// <paramref name="ifNoState"/> answers.
    /// </summary>
    internal static bool WouldChange(Session session, Func<DateTime> clock, bool ifNoState, Action<SessionState, MergeContext> change)
    {
        var state = new StateStore(session.Location.StateFile, clock).TryRead(out _);
        if (state is null) return ifNoState;
        var before = StateJson.Serialize(state);
        change(state, new MergeContext(clock(), new FileSourceText(session.Root)));
        return StateJson.Serialize(state) != before;
    }

    /// <summary>
    /// What follows from the entries, whoever changed them: the session that first saw each new
    /// problem (carried-over ones keep theirs), and the generated next prompts.
    /// </summary>
    internal static void Derive(SessionState state)
    {
        FirstSeen.Default(state, state.SessionId);
        NextPrompts.Regenerate(state);
    }

    /// <summary>
    /// Every document this update writes: the state, and the ended session read from disk (an older
    /// state may predate redaction, and a person may have pasted a secret into it).
    /// </summary>
    internal static void Redact(params SessionState?[] written)
    {
        foreach (var state in written)
            if (state is not null) StateRedaction.Apply(state);
    }

    /// <summary>
    /// A file's diff hunks, asked of git only when a fix is to be described (rare, and inside the lock):
    /// against HEAD (the fix not committed yet), then against the session's start (committed since).
    /// </summary>
    static Func<string, IReadOnlyList<FileDiff>> Hunks(string root, string? sessionStart)
    {
        var cache = new Dictionary<string, IReadOnlyList<FileDiff>>(StringComparer.Ordinal);
        return path => cache.TryGetValue(path, out var diffs) ? diffs : cache[path] =
            sessionStart is null
                ? [GitHunks.Read(root, "HEAD", path)]
                : [GitHunks.Read(root, "HEAD", path), GitHunks.Read(root, sessionStart, path)];
    }

    static GitStatus? ChangedFiles(Session session, List<Problem> problems)
    {
        if (!session.Settings.IncludeGitDiff) return null;
        var files = GitFileChanges.Read(session.Root, out var gitProblem);
        if (gitProblem is not null) problems.Add(gitProblem);
        // The session's diff, against the start commit the state names (or HEAD for a new one):
        // asked here, outside the lock; GitFactsMerge keeps it only if that is still the start.
        var start = StatePeek.SessionStartCommit(session.Location.StateFile) ?? files?.Commit;
        if (files is not null && start is not null)
            files = files with { Diff = GitSessionDiff.Read(session.Root, start, files.Commit, files.Created) };
        return files;
    }

    static bool ArchiveEnded(SessionState ended, Session session, List<Problem> problems)
    {
        var archiveProblems = new List<Problem>();
        if (Archive(ended, session, archiveProblems) is null && SessionIdFormat.IsValid(ended.SessionId))
        {
            var why = string.Join(" ", archiveProblems.Select(p => p.Message));
            problems.Add(Problems.EndedSessionKept(ended.SessionId, session.Location.StateFile, why));
            return false;
        }
        problems.AddRange(archiveProblems);
        return true;
    }

    /// <summary>Copies a (redacted) session into the history and its digest into token-cache/summaries.md.</summary>
    static string? Archive(SessionState state, Session session, List<Problem> problems)
    {
        var path = session.Archive.Save(state, session.Settings.MaxHistory, session.Settings.CompressOldSessions, problems);
        if (path is not null) Views.SummariesDigest.Write(session.Root, state, problems);
        return path;
    }

    static void EnsureGitIgnore(Session session, List<Problem> problems)
    {
        try { GitIgnoreBlock.Ensure(session.Root); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(Problems.GitIgnoreNotWritten(Path.Combine(session.Root, ".gitignore"), e));
        }
    }
}
