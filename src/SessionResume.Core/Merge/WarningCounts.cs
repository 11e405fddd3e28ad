using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Warnings are kept compact: complete counts per code (per project and target framework, so one
/// project's build replaces only its own), and a capped list of entries. The file says how many
/// entries it left out.
/// </summary>
static class WarningCounts
{
    public static void Update(WarningSection warnings, BuildObservation build)
    {
        var counts = warnings.Counts;
        if (!counts.TryGetValue(build.Project, out var byFramework))
            counts[build.Project] = byFramework = new(StringComparer.Ordinal);
        foreach (var dropped in byFramework.Keys
            .Where(t => build.ProjectTargetFrameworks.Count > 0
                && !build.ProjectTargetFrameworks.Contains(t, StringComparer.OrdinalIgnoreCase))
            .ToList())
            byFramework.Remove(dropped);

        var thisCompile = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in build.Diagnostics.Where(d => d.Severity == Severity.Warning).DistinctBy(d => (d.Fingerprint, d.Line, d.Column)))
            thisCompile[d.Code] = thisCompile.GetValueOrDefault(d.Code) + 1;
        if (thisCompile.Count > 0) byFramework[build.TargetFramework] = thisCompile;
        else byFramework.Remove(build.TargetFramework);
        if (byFramework.Count == 0) counts.Remove(build.Project);
        Summarize(warnings);
    }

    /// <summary>Totals and the capped entry list, derived from the counts (shared with SessionMerge).</summary>
    internal static void Summarize(WarningSection warnings)
    {
        var counts = warnings.Counts;
        // A warning reported by several target frameworks is one warning: take the largest count.
        warnings.ByCode = new(StringComparer.Ordinal);
        foreach (var project in counts.Values)
            foreach (var code in project.Values.SelectMany(c => c.Keys).Distinct())
                warnings.ByCode[code] = warnings.ByCode.GetValueOrDefault(code) + project.Values.Max(c => c.GetValueOrDefault(code));
        warnings.Total = warnings.ByCode.Values.Sum();

        warnings.Entries.Sort(EntryOrder.Compare);
        warnings.Entries = warnings.Entries
            .GroupBy(e => e.Project, StringComparer.Ordinal)
            .SelectMany(g => g.Take(BuildMerge.MaxWarningEntriesPerProject))
            .Take(BuildMerge.MaxWarningEntries)
            .ToList();
        warnings.Omitted = Math.Max(0, warnings.Total - warnings.Entries.Sum(ErrorCounts.Of));
    }
}
