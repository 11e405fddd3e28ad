using SessionResume.History;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Sessions;
using SessionResume.Store;

namespace SessionResume.Recording;

/// <summary>
/// Where one session ends and the next begins: after SessionSave (ended_at is set) or SessionClear,
/// or when the last activity is older than the idle limit. The old session is archived first;
/// what is still open carries over.
/// </summary>
public static class SessionBoundary
{
    public static bool HasEnded(SessionState state, DateTime now, int idleMinutes) =>
        state.SessionId is not null &&
        (state.EndedAt is not null || (state.Timestamp is { } last && now - last > TimeSpan.FromMinutes(idleMinutes)));

    /// <summary>The state to continue with: <paramref name="state"/> itself, or the next session after archiving it.</summary>
    public static SessionState Continue(SessionState state, Session session, DateTime now, List<Problem> problems)
    {
        if (!HasEnded(state, now, session.Settings.IdleMinutes)) return state;
        Archive(state, session, problems);
        var taken = session.Archive.SessionIds().Append(state.SessionId!);
        return Carryover.StartNext(state, SessionClock.NextSessionId(now, taken), now);
    }

    /// <summary>Copies the session into the history and its digest into token-cache/summaries.md.</summary>
    public static string? Archive(SessionState state, Session session, List<Problem> problems)
    {
        var path = session.Archive.Save(state, session.Settings.MaxHistory, session.Settings.CompressOldSessions, problems);
        if (path is not null) SummariesDigest.Write(session.Root, state, problems);
        return path;
    }
}
