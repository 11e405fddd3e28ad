using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Merges what the full-capture logger saw (<see cref="LoggedBuild"/>): NU errors under the restore
/// origin, every other error outside the compiler under the build origin, and a failed outcome for a
/// project that failed on one of them. The compiler's errors, and the outcome of a build the capture
/// task recorded, stay as the capture left them.
/// </summary>
public static class LoggedBuildMerge
{
    public const string Resolution = "The build no longer reports it.";

    public static List<Problem> Apply(SessionState state, LoggedBuild build, MergeContext context)
    {
        var problems = new List<Problem>();
        foreach (var project in build.Projects)
        {
            var frameworks = project.Errors.Select(e => e.TargetFramework).OfType<string>().Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal).ToList();
            var restore = project.Errors.Select(e => e.Error).Where(IsRestoreError).ToList();
            var other = project.Errors.Select(e => e.Error).Where(e => !IsRestoreError(e)).ToList();
            problems.AddRange(OriginErrors.Reconcile(state, ErrorOrigin.Restore, project.Project, frameworks, restore, context.Now,
                RestoreMerge.Resolution, context, resolveMissing: project.Restored, isNew: true));
            // Only a build that succeeded speaks for errors it no longer reports: a failed one may have
            // stopped before the place that reported them.
            problems.AddRange(OriginErrors.Reconcile(state, ErrorOrigin.Build, project.Project, frameworks, other, context.Now,
                Resolution, context, resolveMissing: project.Built && project.Succeeded == true, isNew: true));
            if (project.Succeeded == false && project.Errors.Count > 0)
                RecordFailure(state, project.Project, frameworks, build.Started, context);
        }
        return problems;
    }

    static bool IsRestoreError(BuildDiagnostic error) => error.Code.StartsWith("NU", StringComparison.OrdinalIgnoreCase);

    /// <summary>The frameworks that reported the errors, else the ones known, else the placeholder.</summary>
    static void RecordFailure(SessionState state, string project, List<string> frameworks, DateTime started, MergeContext context)
    {
        var known = state.Build.Projects.GetValueOrDefault(project);
        IEnumerable<string> failed = frameworks.Count > 0 ? frameworks
            : known?.Frameworks.Keys.ToList() is { Count: > 0 } k ? k : [BuildOutcomes.Unknown];
        foreach (var framework in failed)
        {
            var previous = known?.Frameworks.GetValueOrDefault(framework);
            // The capture task already recorded this build's failure: its count of compiler errors stays.
            if (previous is { Outcome: BuildOutcome.Failed } && previous.Time >= Time.Truncate(started)) continue;
            BuildOutcomes.Record(state, project, framework, BuildOutcome.Failed, previous?.Errors, compiled: false, context.Now);
        }
    }
}
