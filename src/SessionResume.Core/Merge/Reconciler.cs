using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Matches one compile's problems against a project's entries (docs/fingerprints.md, "Matching one build
/// against the last"). Entries carry the target frameworks that currently report them, so each
/// inner build of a multi-targeted project adds or removes only its own framework, in any order.
/// </summary>
static class Reconciler
{
    /// <summary>How far a problem may move (after edits around it) and still be "the same problem evolving".</summary>
    const int EvolvingLineDistance = 3;

    public sealed class Changes
    {
        public List<ErrorEntry> Added { get; } = [];
        /// <summary>Entries seen again in a real compile (an attempt was counted).</summary>
        public List<ErrorEntry> Repeated { get; } = [];
        /// <summary>Entries that no target framework reports any more: fixed.</summary>
        public List<ErrorEntry> Gone { get; } = [];
    }

    public static Changes Reconcile(List<ErrorEntry> entries, IReadOnlyList<ObservedProblem> observed,
        BuildObservation build, DiagnosticPhase? earliestErrorPhase, MergeContext context)
    {
        var changes = new Changes();
        var tfm = build.TargetFramework;
        // The compiler's entries only: a compile says nothing of a restore error (OriginErrors).
        var mine = entries.Where(e => e.Project == build.Project && e.Origin is null).ToList();
        var byFingerprint = mine.GroupBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var observedFingerprints = observed.Select(o => o.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var notYetMatched = mine.Where(e => e.TargetFrameworks.Contains(tfm)).ToHashSet();

        foreach (var problem in observed)
        {
            var entry = byFingerprint.GetValueOrDefault(problem.Fingerprint);
            if (entry is null && FindEvolving(notYetMatched, problem, observedFingerprints) is { } evolving)
            {
                (evolving.Aliases ??= []).Add(evolving.Fingerprint);
                byFingerprint.Remove(evolving.Fingerprint);
                evolving.Fingerprint = problem.Fingerprint;
                byFingerprint[problem.Fingerprint] = entry = evolving;
            }
            if (entry is null)
            {
                entry = NewEntry(problem, build, context);
                entries.Add(entry);
                byFingerprint[problem.Fingerprint] = entry;
                changes.Added.Add(entry);
                continue;
            }
            notYetMatched.Remove(entry);
            var hadFramework = entry.TargetFrameworks.Contains(tfm);
            if (!hadFramework)
            {
                entry.TargetFrameworks.Add(tfm);
                entry.TargetFrameworks.Sort(StringComparer.Ordinal);
            }
            Update(entry, problem, context);
            // One attempt per build, not per target framework: only the first framework counts.
            if (build.Compiled && hadFramework && entry.TargetFrameworks[0] == tfm)
            {
                entry.Attempts++;
                changes.Repeated.Add(entry);
            }
        }

        foreach (var entry in notYetMatched)
        {
            // Missing is not fixed: the compiler stopped before the phase that reports this entry.
            if (earliestErrorPhase is { } phase && phase < DiagnosticPhases.Of(entry.Code)) continue;
            entry.TargetFrameworks.Remove(tfm);
            if (entry.TargetFrameworks.Count > 0) continue;
            entries.Remove(entry);
            changes.Gone.Add(entry);
        }
        return changes;
    }

    /// <summary>The same code in the same file a few lines away, no longer reported as it was.</summary>
    static ErrorEntry? FindEvolving(HashSet<ErrorEntry> candidates, ObservedProblem problem, HashSet<string> observedFingerprints) =>
        candidates
            .Where(e => e.Code == problem.First.Code && e.File == problem.First.File
                        && Math.Abs(e.Line - problem.First.Line) <= EvolvingLineDistance
                        && !observedFingerprints.Contains(e.Fingerprint))
            .OrderBy(e => Math.Abs(e.Line - problem.First.Line))
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .FirstOrDefault();

    static ErrorEntry NewEntry(ObservedProblem problem, BuildObservation build, MergeContext context)
    {
        var entry = new ErrorEntry
        {
            Fingerprint = problem.Fingerprint,
            Project = build.Project,
            Attempts = 1,
            TargetFrameworks = [build.TargetFramework],
            FirstSeen = context.Now,
        };
        Update(entry, problem, context);
        return entry;
    }

    static void Update(ErrorEntry entry, ObservedProblem problem, MergeContext context)
    {
        problem.Describe(entry);
        entry.FileHash = context.Sources.Hash(entry.File);
        entry.OtherLines = problem.Lines.Count > 1 ? problem.Lines.Skip(1).Take(20).ToList() : null;
        entry.LastSeen = context.Now;
        var source = FileSourceText.Line(context.Sources.Lines(entry.File), entry.Line);
        if (source is not null) entry.Source = Text.Shorten(Text.Clean(source).Trim(), 200);
    }
}
