using SessionResume.Common;
using SessionResume.Lifecycle;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;
using SessionResume.Views;

namespace SessionResume.Application;

/// <summary>SessionRestore's output for a session: the summary, or one line saying there is none.</summary>
public static class RestoreView
{
    /// <param name="warnings">What recording a crashed test run found (<see cref="CrashedRuns"/>), to be shown as warnings.</param>
    public static (string Output, Problem? Problem) Render(Session session, string? format, DateTime now, List<Problem>? warnings = null)
    {
        // A test run whose test host died (its journal is next to the state file): record it first.
        // Only then does the restore write; the session it describes does not end here.
        if (CrashedRuns.Find(session.Location.StateFile).Count > 0)
            warnings?.AddRange(SessionWriter.Update(session, () => now, (_, _) => Change.None([]), idleEndsSession: false).Problems);
        var store = new StateStore(session.Location.StateFile, () => now);
        var state = store.TryRead(out var problem);
        if (problem is not null)
            return ($"The session state could not be read; see warning {problem.Code}.", problem);
        if (state is null) return (SummaryRenderer.NoSession(session.Location.StateFile), null);
        return (SummaryRenderer.Render(SessionSummary.From(state, now), format), null);
    }
}
