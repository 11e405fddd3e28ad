using SessionResume.Store;
using SessionResume.Views;

namespace SessionResume.Recording;

/// <summary>SessionRestore's output for a session: the summary, or one line saying there is none.</summary>
public static class RestoreView
{
    public static (string Output, Problem? Problem) Render(Session session, string? format, DateTime now)
    {
        var store = new StateStore(session.Location.StateFile, () => now);
        var state = store.TryRead(out var problem);
        if (problem is not null)
            return ($"The session state could not be read; see warning {problem.Code}.", problem);
        if (state is null) return (SummaryRenderer.NoSession(session.Location.StateFile), null);
        return (SummaryRenderer.Render(SessionSummary.From(state, now), format), null);
    }
}
