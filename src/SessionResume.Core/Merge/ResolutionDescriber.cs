using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Observations;

namespace SessionResume.Merge;

/// <summary>
/// Says what changed at the place of a problem that is gone: the offending line before and after,
/// or that the line is unchanged and the fix was elsewhere, or that the file went away.
/// </summary>
public static class ResolutionDescriber
{
    const int SearchWindow = 10;

    /// <param name="hunks">The file's diff hunks from git, when git is there: the hunk that removed the
    /// offending line names the fix. Without one, the line is compared as it is now.</param>
    public static string Describe(ErrorEntry entry, ISourceText sources, Func<string, IReadOnlyList<FileDiff>>? hunks = null)
    {
        var diffs = hunks?.Invoke(entry.File) ?? [];
        if (entry.Source is { } offending && FromDiff(entry, offending, diffs.SelectMany(d => d.Hunks).ToList()) is { } fromDiff)
            return fromDiff;
        // The file is back as HEAD has it, and it was not so when the error was seen: the change that
        // brought the error was undone (a line number would name whatever line moved into its place).
        if (diffs.Count > 0 && diffs[0].SameAsBase && entry.FileHash is { } seen
            && sources.Hash(entry.File) is { } current && current != seen)
            return $"{entry.File} is back as it was committed: the change that brought the error was undone (git diff).";
        var lines = sources.Lines(entry.File);
        if (lines is null)
            return entry.File.StartsWith('{') ? "No longer reported by the compiler." : $"{entry.File} was deleted or renamed.";
        var now = FileSourceText.Line(lines, entry.Line)?.Trim();
        if (entry.Source is null)
            return now is null ? $"Line {entry.Line} was removed." : $"No longer reported; line {entry.Line} is now: {Quote(now)}.";
        if (now is null) return $"Line {entry.Line} ({Quote(entry.Source)}) was removed.";
        if (now == entry.Source) return $"Line {entry.Line} unchanged ({Quote(now)}); fixed by a change elsewhere.";
        var moved = FindNearby(lines, entry.Line, entry.Source);
        if (moved > 0) return $"Line {entry.Line} unchanged, now line {moved} ({Quote(entry.Source)}); fixed by a change elsewhere.";
        return $"Line {entry.Line} changed from {Quote(entry.Source)} to {Quote(now)}.";
    }

    /// <summary>"Line 42 changed from `a` to `b` (git diff)": the hunk whose removed lines hold the offending one.</summary>
    static string? FromDiff(ErrorEntry entry, string offending, IReadOnlyList<DiffHunk> hunks)
    {
        var hunk = hunks.FirstOrDefault(h => h.Removed.Any(r => Clean(r) == offending));
        if (hunk is null) return null;
        var added = hunk.Added.Select(Clean).Where(a => a.Length > 0).Take(MaxDiffLines).ToList();
        if (added.Count == 0) return $"Line {entry.Line} ({Quote(offending)}) was removed (git diff).";
        var more = hunk.Added.Count(a => Clean(a).Length > 0) - added.Count;
        return $"Line {entry.Line} changed from {Quote(offending)} to {string.Join(", ", added.Select(Quote))}"
            + (more > 0 ? $" and {Plural.Count(more, "more line")}" : "") + " (git diff).";
    }

    const int MaxDiffLines = 3;

    /// <summary>A diff line as entries keep their source line: redacted, cleaned, trimmed, at most 200 characters.</summary>
    static string Clean(string line) => Text.Shorten(Text.Clean(Redaction.SecretRedactor.Redact(line)).Trim(), 200);

    static int FindNearby(IReadOnlyList<string> lines, int line, string text)
    {
        for (var distance = 1; distance <= SearchWindow; distance++)
            foreach (var candidate in new[] { line + distance, line - distance })
                if (FileSourceText.Line(lines, candidate)?.Trim() == text) return candidate;
        return 0;
    }

    static string Quote(string text) => "`" + Text.Shorten(text, 120) + "`";
}
