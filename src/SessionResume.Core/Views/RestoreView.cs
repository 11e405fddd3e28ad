using SessionResume.Common;
using SessionResume.Store;

namespace SessionResume.Views;

/// <summary>SessionRestore's output for a state file: the summary, or one line saying there is none. Reads only.</summary>
public static class RestoreView
{
    /// <param name="git">Where git stands now against the state's commit (<see cref="SessionSummary.From"/>).</param>
    public static (string Output, Problem? Problem) Render(string stateFile, string? format, DateTime now,
        Func<Model.GitFacts, Observations.GitSince?>? git = null, string? root = null)
    {
        var store = new StateStore(stateFile, () => now);
        var state = store.TryRead(out var problem);
        if (problem is not null)
            return ($"The session state could not be read; see warning {problem.Code}.", problem);
        if (state is null) return (SummaryRenderer.NoSession(stateFile), null);
        return (SummaryRenderer.Render(SessionSummary.From(state, now, git, root), format), null);
    }
}
