using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// The errors of two state files made one. A fix and a later sighting of the same error are
/// weighed the same way in both directions, so merging A into B and B into A agree:
/// an unresolved entry gives way to a resolution made after its state file's timestamp, and
/// otherwise it stays (with seen_before pointing at that resolution). Unknown times never hide an error.
/// </summary>
static class ErrorUnion
{
    public static void Merge(SessionState target, SessionState input, string label)
    {
        var errors = target.Errors;

        // The input fixed it after the target last looked (and does not report it again): fixed.
        foreach (var fix in input.Errors.Resolved)
            if (Recency.KnownBefore(target.Timestamp, fix.ResolvedAt) && !input.Errors.Unresolved.Any(e => ErrorIdentity.Same(e, fix)))
                errors.Unresolved.RemoveAll(e => ErrorIdentity.Same(e, fix));

        UniteResolved(errors, input.Errors.Resolved);

        foreach (var entry in input.Errors.Unresolved)
        {
            if (errors.Unresolved.FirstOrDefault(e => ErrorIdentity.Same(e, entry)) is { } known)
            {
                known.FirstSeenSession ??= target.SessionId;
                EntryUnion.Unite(known, entry, label);
                continue;
            }
            var fix = errors.Resolved.Where(r => ErrorIdentity.Same(entry, r)).MaxBy(r => r.ResolvedAt);
            // The input is older than the fix: it still had the error because it predates the fix.
            if (fix is not null && Recency.KnownBefore(input.Timestamp, fix.ResolvedAt)) continue;
            if (fix is not null) entry.SeenBefore ??= new SeenBefore { SessionId = fix.SessionId, Resolution = fix.Resolution };
            errors.Unresolved.Add(EntryUnion.Adopt(entry, label));
        }
        errors.Unresolved.Sort(EntryOrder.Compare);

        errors.Omitted = UniteOmitted(errors.Omitted, input.Errors.Omitted, Recency.Newer(input.Timestamp, target.Timestamp));
        errors.Extra = ExtraKeys.Unite(errors.Extra, input.Errors.Extra);
    }

    /// <summary>One entry per error and project; the newer resolution is kept, newest first.</summary>
    static void UniteResolved(ErrorSection errors, IEnumerable<ResolvedError> incoming)
    {
        var resolved = errors.Resolved;
        foreach (var other in incoming)
        {
            var index = resolved.FindIndex(r => ErrorIdentity.Same(r, other));
            if (index < 0)
            {
                resolved.Add(other);
                continue;
            }
            var known = resolved[index];
            var kept = Recency.Newer(other.ResolvedAt, known.ResolvedAt) ? other : known;
            kept.Aliases = ErrorIdentity.Aliases(kept.Fingerprint, known.Aliases, other.Aliases, known.Fingerprint, other.Fingerprint);
            resolved[index] = kept;
        }
        errors.Resolved = resolved
            .OrderByDescending(r => r.ResolvedAt ?? DateTime.MinValue)
            .ThenBy(r => r.Project ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.Fingerprint, StringComparer.Ordinal)
            .Take(ResolvedErrors.Max)
            .ToList();
    }

    /// <summary>Per project, the count of errors left out by the size cap, from the newer side when both have one.</summary>
    static SortedDictionary<string, OmittedCount>? UniteOmitted(SortedDictionary<string, OmittedCount>? target,
        SortedDictionary<string, OmittedCount>? input, bool inputIsNewer)
    {
        if (input is null || input.Count == 0) return target;
        target ??= new(StringComparer.Ordinal);
        foreach (var (project, count) in input)
            if (inputIsNewer || !target.ContainsKey(project)) target[project] = count;
        return target;
    }
}
