using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// The warnings of two state files made one. Counts per project and target framework come from the
/// newer file when both have them (two machines report the same warnings: adding would count each
/// twice); the capped entries are united like errors.
/// </summary>
static class WarningUnion
{
    public static void Merge(SessionState target, SessionState input, string label)
    {
        var warnings = target.Warnings;
        var inputIsNewer = Recency.Newer(input.Timestamp, target.Timestamp);
        foreach (var (project, byFramework) in input.Warnings.Counts)
        {
            if (!warnings.Counts.TryGetValue(project, out var mine))
                warnings.Counts[project] = mine = new(StringComparer.Ordinal);
            foreach (var (framework, codes) in byFramework)
                if (inputIsNewer || !mine.ContainsKey(framework)) mine[framework] = codes;
        }

        foreach (var entry in input.Warnings.Entries)
        {
            if (warnings.Entries.FirstOrDefault(e => ErrorIdentity.Same(e, entry)) is { } known)
            {
                known.FirstSeenSession ??= target.SessionId;
                EntryUnion.Unite(known, entry, label);
            }
            else warnings.Entries.Add(EntryUnion.Adopt(entry, label));
        }
        WarningCounts.Summarize(warnings);
        warnings.Extra = ExtraKeys.Unite(warnings.Extra, input.Warnings.Extra);
    }
}
