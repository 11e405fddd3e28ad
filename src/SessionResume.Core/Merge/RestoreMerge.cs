using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Merges a project's last restore (NuGet's record of it) into the state: its NU errors, resolved
/// when a later restore succeeds, and a failed build for the project when the restore failed after
/// its last recorded build (a failed restore stops the build before any of the package's targets).
/// </summary>
public static class RestoreMerge
{
    public const string Resolution = "A later restore succeeded.";

    public static List<Problem> Apply(SessionState state, RestoreObservation restore, MergeContext context)
    {
        var problems = OriginErrors.Reconcile(state, ErrorOrigin.Restore, restore.Project, restore.TargetFrameworks, restore.Errors,
            restore.Time, Resolution, context);
        if (restore.Succeeded) return problems;
        var known = state.Build.Projects.GetValueOrDefault(restore.Project);
        IEnumerable<string> frameworks = known?.Frameworks.Keys.ToList() is { Count: > 0 } k ? k
            : restore.TargetFrameworks.Count > 0 ? restore.TargetFrameworks : ["default"];
        foreach (var framework in frameworks)
        {
            // A build recorded after this restore knows better.
            if (known?.Frameworks.GetValueOrDefault(framework)?.Time >= restore.Time) continue;
            BuildOutcomes.Record(state, restore.Project, framework, BuildOutcome.Failed, errors: null, compiled: false, restore.Time);
        }
        return problems;
    }
}
