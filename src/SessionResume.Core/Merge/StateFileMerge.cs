using SessionResume.Model;

namespace SessionResume.Merge;

/// <summary>
/// SessionMerge: state files from elsewhere (CI artifacts of an OS matrix, a colleague's file)
/// merged into the current state. Merging is idempotent (the same input twice changes nothing the
/// second time) and symmetric in what it keeps: A into B and B into A hold the same errors and
/// failing tests. Paths are root-relative in every state file and are never rewritten.
/// </summary>
public static class StateFileMerge
{
    /// <summary>
    /// Merges <paramref name="input"/> into <paramref name="target"/>; <paramref name="label"/>
    /// (the caller's name for the input, e.g. its file name) goes to merged_from and to the
    /// seen_in of the errors and failing tests the input reports. The input is not modified.
    /// Files (the working copy's own changes) are left as they are.
    /// </summary>
    public static void Merge(SessionState target, SessionState input, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        label = label.Trim();
        var copy = StateCopy.Of(input);
        // Entries written before first_seen_session existed were first seen in the input's session.
        FirstSeen.Default(copy, copy.SessionId, warningsToo: true);

        ErrorUnion.Merge(target, copy, label);
        WarningUnion.Merge(target, copy, label);
        TestUnion.Merge(target, copy, label);
        PersonWrittenUnion.Merge(target, copy);

        target.MergedFrom = TextList.SortedUnion(target.MergedFrom, null, label);
        // The merged state knows what the newer of the two knew; a later merge compares against that.
        target.Timestamp = Recency.Latest(target.Timestamp, copy.Timestamp);
        // The generated next prompts follow the merged errors and tests: the write path regenerates them.
    }
}
