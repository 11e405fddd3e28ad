using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Merges what one reporter outside the compiler (an <see cref="ErrorOrigin"/>) said, at one time,
/// about one project's errors. That origin's entries of the project follow the report: a new error is
/// added, one reported again counts an attempt, one no longer reported is resolved. The compiler's
/// entries and other origins' are left alone. A record read again (NuGet's file: its time is not
/// newer than what the entries have seen) changes nothing, so it can be read again and again; a
/// report that is new by nature (a build's logger) says <c>isNew</c>.
/// </summary>
internal static class OriginErrors
{
    /// <summary>
    /// Applies the report; returns the warnings to show (errors that were fixed before).
    /// <paramref name="resolveMissing"/> is false when the report cannot speak for errors it does not
    /// list (the project's build stopped before the place that reports them).
    /// </summary>
    public static List<Problem> Reconcile(SessionState state, string origin, string project, IReadOnlyList<string> frameworks,
        IReadOnlyList<BuildDiagnostic> errors, DateTime reported, string resolution, MergeContext context, bool resolveMissing = true,
        bool isNew = false)
    {
        var problems = new List<Problem>();
        var mine = state.Errors.Unresolved.Where(e => e.Project == project && e.Origin == origin).ToList();
        var observed = ObservedProblem.Group(errors);
        foreach (var problem in observed)
        {
            var entry = mine.FirstOrDefault(e => e.Fingerprint == problem.Fingerprint);
            if (entry is not null && !isNew && entry.LastSeen >= reported) continue;
            if (entry is null)
            {
                entry = new ErrorEntry { Fingerprint = problem.Fingerprint, Project = project, Origin = origin, FirstSeen = reported };
                state.Errors.Unresolved.Add(entry);
                Recurrence.OfferEarlierResolution(state, entry, context);
            }
            entry.Attempts++;
            Fill(entry, problem, frameworks, reported, context);
            if (entry.SeenBefore is not null) problems.Add(Recurrence.Warning(entry));
        }
        var stillReported = observed.Select(o => o.Fingerprint).ToHashSet(StringComparer.Ordinal);
        if (!resolveMissing) mine.Clear();
        // A report older than an entry says nothing about it.
        foreach (var gone in mine.Where(e => !stillReported.Contains(e.Fingerprint) && (isNew || !(e.LastSeen >= reported))))
        {
            state.Errors.Unresolved.Remove(gone);
            ResolvedErrors.Record(state, gone, resolution, reported);
        }
        state.Errors.Unresolved.Sort(EntryOrder.Compare);
        return problems;
    }

    static void Fill(ErrorEntry entry, ObservedProblem problem, IReadOnlyList<string> frameworks, DateTime reported, MergeContext context)
    {
        problem.Describe(entry);
        entry.FileHash = context.Sources.Hash(entry.File);
        entry.TargetFrameworks = [.. frameworks];
        entry.LastSeen = reported;
    }
}
