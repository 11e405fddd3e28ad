using SessionResume.Common;
using SessionResume.Lifecycle;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;

namespace SessionResume.Application;

/// <summary>
/// What a change decided: whether to write, what to tell the user, and whether the write ends the
/// session (SessionSave: the state as written is archived, after everything else is done to it).
/// </summary>
public sealed record Change(bool Write, IReadOnlyList<Problem> Problems, bool EndsSession = false)
{
    public static Change Written(IEnumerable<Problem> problems) => new(true, problems.ToList());
    public static Change None(IEnumerable<Problem> problems) => new(false, problems.ToList());
}

/// <summary>
/// The one path by which every writer (build capture, test logger, verbs) changes the state: lock,
/// read, start the next session when this one has ended, keep identity and times current, note the
/// files changed, record the test runs whose test host died (<see cref="CrashedRuns"/>), apply the
/// change, regenerate the prompts, write; and on the first write in a git repository, the .gitignore block.
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

    /// <summary>
    /// Any update. An idle gap ends the session first unless <paramref name="idleEndsSession"/> is
    /// false (SessionSave: what is saved after a pause belongs to the session it describes).
    /// </summary>
    public static CaptureResult Update(Session session, Func<DateTime> clock, Func<SessionState, MergeContext, Change> change,
        bool idleEndsSession = true)
    {
        var problems = new List<Problem>();
        // git runs outside the lock: other writers should not wait for it.
        GitStatus? files = null;
        if (session.Settings.IncludeGitDiff)
        {
            files = GitFileChanges.Read(session.Root, out var gitProblem);
            if (gitProblem is not null) problems.Add(gitProblem);
        }

        var archive = session.Archive;
        string? archivedTo = null;
        var result = new StateStore(session.Location.StateFile, clock).Apply(existing =>
        {
            var now = clock();
            var (state, ended) = SessionBoundary.Continue(existing ?? new SessionState(), session, Time.Truncate(now), idleEndsSession);
            var context = new MergeContext(now, new FileSourceText(session.Root))
            {
                LastActivity = state.Timestamp,
                LoadArchivedResolutions = () => archive.LoadResolutions(problems),
            };
            SessionClock.Touch(state, context.Now, session.Location.ProjectName, archive.SessionIds());
            if (files is not null) FileChangeMerge.Apply(state.Files, files, session.OwnPaths);
            // A test run whose test host died since the last update: recorded first, once (its journal goes with this write).
            var finished = CrashedRuns.Recover(state, session, context, problems, out var recovered);
            var decision = change(state, context);
            problems.AddRange(decision.Problems);
            if (!decision.Write && !recovered)
            {
                CrashedRuns.Delete(finished);
                return StoreAction.Keep;
            }
            // The ended session leaves the state file only once its archive is safe: if archiving
            // fails (a full disk, a file where the history folder should be), this update waits.
            // An id that cannot name a file (a hand edit) cannot be archived at all: go on, warned.
            if (ended is not null)
            {
                var archiveProblems = new List<Problem>();
                if (SessionBoundary.Archive(ended, session, archiveProblems) is null && Lifecycle.SessionIdFormat.IsValid(ended.SessionId))
                {
                    var why = string.Join(" ", archiveProblems.Select(p => p.Message));
                    problems.Add(new Problem(Problem.WriteFailed,
                        $"Session {ended.SessionId} has ended but could not be archived, so it stays in {session.Location.StateFile} and this update was not recorded: {why}"));
                    return StoreAction.Keep;
                }
                problems.AddRange(archiveProblems);
            }
            NoteFirstSession(state);
            NextPrompts.Regenerate(state);
            // Last, so nothing written (by a build, a test run, a verb or a person's earlier edit) keeps a secret.
            Redaction.StateRedaction.Apply(state);
            if (decision.EndsSession)
            {
                state.EndedAt = context.Now;
                archivedTo = SessionBoundary.Archive(state, session, problems);
            }
            // Still under the lock, so no other writer records these runs again.
            CrashedRuns.Delete(finished);
            return StoreAction.Write(state);
        });
        problems.InsertRange(0, result.Problems);
        if (result.Written && result.Created && session.ManageGitIgnore && session.Location.IsGitRepository)
        {
            try { GitIgnoreBlock.Ensure(session.Root); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new Problem(Problem.WriteFailed, $"Could not add the session files to {Path.Combine(session.Root, ".gitignore")}: {e.Message}"));
            }
        }
        return new CaptureResult(result.Written, problems) { ArchivedTo = result.Written ? archivedTo : null };
    }

    /// <summary>New problems belong to this session; carried-over ones keep the session that first saw them.</summary>
    static void NoteFirstSession(SessionState state)
    {
        foreach (var error in state.Errors.Unresolved) error.FirstSeenSession ??= state.SessionId;
        foreach (var failure in state.Tests.Failures) failure.FirstSeenSession ??= state.SessionId;
    }
}
