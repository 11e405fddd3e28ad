using SessionResume.Common;
using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// The start of a new session (after SessionSave, SessionClear or an idle gap): what is still open
/// carries over, what belonged to the old session stays in its archive.
/// </summary>
public static class Carryover
{
    /// <summary>
    /// Carried: objectives (unless done), unresolved errors and errors.omitted, failing tests with
    /// their runs and counts, warnings, in-progress and blocked items, todos, context, person-written
    /// next prompts, project and every unknown key. Not carried: completed items, resolved errors,
    /// fixed tests, files, merged_from, ended_at. <paramref name="old"/> is not modified.
    /// </summary>
    public static SessionState StartNext(SessionState old, string newId, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newId);
        now = Time.Truncate(now);
        var next = StateCopy.Of(old);

        next.SessionId = newId;
        next.StartedAt = now;
        next.Timestamp = now;
        next.DurationMinutes = 0;
        next.ContinuesSession = old.SessionId;
        next.EndedAt = null;
        next.MergedFrom = null;
        // The next session starts at the commit of its first update.
        next.Git = null;
        next.Commits = null;

        // Finished objectives are history; the next session starts with a clean slate for them.
        if (SessionStatus.IsDone(next.Objectives.Status)) next.Objectives = new();
        next.Progress.Completed = [];
        // The archived session keeps what changed and what was fixed; the new one starts from nothing.
        next.Files = new();
        next.Errors.Resolved = [];
        next.Tests.Fixed = [];
        // Generated prompts are derived again from the carried errors and tests at the next update.
        next.NextPrompts = next.NextPrompts.Where(p => !NextPrompts.IsGenerated(p)).ToList();

        // An entry without first_seen_session (written before that key existed) was first seen in the session that ends.
        FirstSeen.Default(next, old.SessionId, warningsToo: true);
        return next;
    }
}
