using SessionResume.Common;
using SessionResume.Fingerprints;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Merges one compile (project + target framework) into the state: docs/fingerprints.md's matching
/// rules, the error lifecycle (attempts, resolution, recurrence) and the compact warnings. A
/// project's other target frameworks and other projects are left exactly as they were.
/// </summary>
public static class BuildMerge
{
    public const int MaxErrorsPerCompile = 200;
    public const int MaxResolved = ResolvedErrors.Max;
    public const int MaxWarningEntriesPerProject = 25;
    public const int MaxWarningEntries = 100;

    /// <summary>Applies the build and returns the warnings to show (recurrences of resolved errors).</summary>
    public static List<Problem> Apply(SessionState state, BuildObservation build, MergeContext context)
    {
        var problems = new List<Problem>();
        ForgetDroppedTargetFrameworks(state, build);

        var errors = ObservedProblem.Group(build.Diagnostics.Where(d => d.Severity == Severity.Error));
        var earliestErrorPhase = errors.Count == 0 ? (DiagnosticPhase?)null : errors.Min(o => o.Phase);
        RecordOmittedErrors(state.Errors, build.Project, errors.Skip(MaxErrorsPerCompile).ToList());
        errors = errors.Take(MaxErrorsPerCompile).ToList();

        var errorChanges = Reconciler.Reconcile(state.Errors.Unresolved, errors, build, earliestErrorPhase, context);
        foreach (var gone in errorChanges.Gone) Resolve(state, gone, context);
        foreach (var added in errorChanges.Added) Recurrence.OfferEarlierResolution(state, added, context);
        foreach (var entry in errorChanges.Added.Concat(errorChanges.Repeated).Where(e => e.SeenBefore is not null))
            problems.Add(Recurrence.Warning(entry));
        state.Errors.Unresolved.Sort(EntryOrder.Compare);

        var warnings = ObservedProblem.Group(build.Diagnostics.Where(d => d.Severity == Severity.Warning));
        Reconciler.Reconcile(state.Warnings.Entries, warnings, build, earliestErrorPhase, context);
        WarningCounts.Update(state.Warnings, build);

        var compilerErrors = build.Diagnostics.Where(d => d.Severity == Severity.Error)
            .Select(d => (d.File, d.Line, d.Code)).Distinct().Count();
        var outcome = build.Failed || compilerErrors > 0 ? BuildOutcome.Failed : BuildOutcome.Succeeded;
        BuildOutcomes.Record(state, build.Project, build.TargetFramework, outcome, compilerErrors, build.Compiled, context.Now);

        foreach (var item in build.TechStack)
            if (!state.Context.TechStack.Contains(item, StringComparer.OrdinalIgnoreCase)) state.Context.TechStack.Add(item);
        // Whichever project a parallel build finishes first, the list reads the same.
        state.Context.TechStack = TechStack.Ordered(state.Context.TechStack);
        return problems;
    }

    /// <summary>A project that no longer targets a framework has no problems there any more.</summary>
    static void ForgetDroppedTargetFrameworks(SessionState state, BuildObservation build)
    {
        if (build.ProjectTargetFrameworks.Count == 0) return;
        BuildOutcomes.Forget(state, build.Project, build.ProjectTargetFrameworks);
        foreach (var list in new[] { state.Errors.Unresolved, state.Warnings.Entries })
        {
            // Only the compiler's: another origin's entries follow what that origin reports (OriginErrors).
            foreach (var entry in list.Where(e => e.Project == build.Project && e.Origin is null))
                entry.TargetFrameworks.RemoveAll(t => !build.ProjectTargetFrameworks.Contains(t, StringComparer.OrdinalIgnoreCase));
            list.RemoveAll(e => e.Project == build.Project && e.Origin is null && e.TargetFrameworks.Count == 0);
        }
    }

    static void RecordOmittedErrors(ErrorSection errors, string project, List<ObservedProblem> omitted)
    {
        if (omitted.Count == 0)
        {
            errors.Omitted?.Remove(project);
            if (errors.Omitted is { Count: 0 }) errors.Omitted = null;
            return;
        }
        var count = new OmittedCount { Count = omitted.Count };
        foreach (var o in omitted) count.ByCode[o.First.Code] = count.ByCode.GetValueOrDefault(o.First.Code) + o.Lines.Count;
        (errors.Omitted ??= new(StringComparer.Ordinal))[project] = count;
    }

    static void Resolve(SessionState state, ErrorEntry entry, MergeContext context) =>
        ResolvedErrors.Record(state, entry, ResolutionDescriber.Describe(entry, context.Sources, context.Hunks), context.Now);

}
