using SessionResume.Merge;
using SessionResume.Model;

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
    /// <param name="archivedIds">The ids in the history, which the next id must not repeat; only listed when a session ends.</param>
    public static (SessionState State, SessionState? Ended) Continue(SessionState state, DateTime now, int idleMinutes,
        IEnumerable<string> archivedIds, bool idleEnds)
    {
        if (!HasEnded(state, now, idleMinutes, idleEnds)) return (state, null);
        var taken = archivedIds.Append(state.SessionId!);
        return (Carryover.StartNext(state, SessionClock.NextSessionId(now, taken), now), state);
    }
}
