using SessionResume.Common;
using SessionResume.Views;

namespace SessionResume.Application;

/// <summary>SessionRestore: what the last session left, for a person or an agent starting the next.</summary>
public static class SessionRestore
{
    /// <summary>
    /// Two steps, in this order. First a test run whose test host died (its journal is next to the
    /// state file), a build that never reached its end (<see cref="UnfinishedBuilds"/>) and a restore
    /// that failed or succeeded since (<see cref="RestoreRecords"/>) are recorded, through the write
    /// path like any other update: the summary is to show them, and a
    /// view that wrote as a side effect would surprise; this explicit step is the only write of a
    /// restore, and the session it records into does not end here. Then the view renders what is on
    /// disk, writing nothing.
    /// </summary>
    /// <param name="warnings">What recording a crashed test run found (<see cref="CrashedRuns"/>), to be shown as warnings.</param>
    public static (string Output, Problem? Problem) Run(Session session, string? format, DateTime now, List<Problem>? warnings = null)
    {
        var recorded = CrashedRuns.RecordPending(session, () => now)
            .Concat(UnfinishedBuilds.RecordPending(session, () => now))
            .Concat(RestoreRecords.RecordPending(session, () => now))
            .ToList();
        warnings?.AddRange(recorded);
        // Git is asked what happened since the state's commit only when the state may ask git at all.
        return RestoreView.Render(session.Location.StateFile, format, now,
            session.Settings.IncludeGitDiff ? recorded => Observations.GitHistory.Since(session.Root, recorded.Commit) : null,
            session.Root);
    }
}
