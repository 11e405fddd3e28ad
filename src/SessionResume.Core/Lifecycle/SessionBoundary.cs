using SessionResume.Application;
using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;
using SessionResume.Views;

namespace SessionResume.Lifecycle;

/// <summary>
/// Where one session ends and the next begins: after SessionSave (ended_at is set) or SessionClear,
/// or when the last activity is older than the idle limit. The old session is archived first;
/// what is still open carries over.
/// </summary>
public static class SessionBoundary
{
    /// <summary>Whether the session is over: saved or cleared, or (when <paramref name="idleEnds"/>) idle too long.</summary>
    public static bool HasEnded(SessionState state, DateTime now, int idleMinutes, bool idleEnds = true) =>
        state.SessionId is not null &&
        (state.EndedAt is not null || (idleEnds && state.Timestamp is { } last && now - last > TimeSpan.FromMinutes(idleMinutes)));

    /// <summary>
    /// The state an update continues: <paramref name="state"/> itself, or the next session, with the
    /// ended one to archive if (and only if) the update is written: a verb that changes nothing
    /// leaves no archive behind.
    /// </summary>
    public static (SessionState State, SessionState? Ended) Continue(SessionState state, Session session, DateTime now, bool idleEnds)
    {
        if (!HasEnded(state, now, session.Settings.IdleMinutes, idleEnds)) return (state, null);
        var taken = session.Archive.SessionIds().Append(state.SessionId!);
        return (Carryover.StartNext(state, SessionClock.NextSessionId(now, taken), now), state);
    }

    /// <summary>Copies the session into the history and its digest into token-cache/summaries.md.</summary>
    public static string? Archive(SessionState state, Session session, List<Problem> problems)
    {
        // An older state on disk may predate redaction: nothing leaves for the history unredacted.
        Redaction.StateRedaction.Apply(state);
        var path = session.Archive.Save(state, session.Settings.MaxHistory, session.Settings.CompressOldSessions, problems);
        if (path is not null) SummariesDigest.Write(session.Root, state, problems);
        return path;
    }
}
